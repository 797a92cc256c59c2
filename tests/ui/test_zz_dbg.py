import pytest
from PySide6.QtCore import QEventLoop
from inspector_app.ui.qt import QTimer
from inspector_app.ui import app as A
pytestmark = pytest.mark.ui
def probe(label):
    loop = QEventLoop(); fired=[]
    QTimer.singleShot(20, lambda: (fired.append(1), loop.quit()))
    print(label, "exec returned", loop.exec(), fired)
def test_c(data_dir, qapp):
    print(A.run_gui(str(data_dir), None, 1))
def test_d1(qapp):
    probe("d1 qapp")
def test_d2(settings, qapp):
    probe("d2 settings")
def test_d3(translations, qapp):
    probe("d3 translations")
def test_d4(session, qapp):
    probe("d4 session")
def test_d5(ctx, qapp):
    probe("d5 ctx")
def test_d6(qapp):
    probe("d6 qapp")
