"""One window per store: a second start on the same data folder brings the first to the front.

Two windows on one store would both work (the store takes concurrent writers), but a user who
double-clicks the icon twice does not want two copies of the same lists side by side, and a
township laptop is slow enough that the second window appears well after the user started
working in the first. The first instance listens on a local socket named after the data
folder; a later one connects, asks it to come forward and quits, saying so on stderr. A
stale socket left by a killed instance is removed before listening.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from .qt import QCoreApplication, QLocalServer, QLocalSocket, QObject

log = logging.getLogger("inspector_app.ui")

ACTIVATE = b"activate\n"
ANSWER = b"ok\n"
TIMEOUT_MS = 1500


def server_name(data_dir: str | Path) -> str:
    """The socket name for a data folder: the same for every spelling of the same path."""
    resolved = str(Path(data_dir).expanduser().resolve())
    return "inspector-app-" + hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def ask_running_instance(data_dir: str | Path) -> bool:
    """True if a window on ``data_dir`` is already open and agreed to come to the front."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(ACTIVATE)
    socket.flush()
    answered = socket.waitForReadyRead(TIMEOUT_MS) and socket.readAll().data().startswith(ANSWER)
    socket.disconnectFromServer()
    return answered


class InstanceServer(QObject):
    """Listens for later starts on the same data folder and calls ``activate`` for each."""

    def __init__(self, data_dir: str | Path, activate: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.activate = activate
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        name = server_name(data_dir)
        if not self.server.listen(name):
            QLocalServer.removeServer(name)  # left behind by an instance that was killed
            if not self.server.listen(name):
                log.warning("single-instance socket unavailable: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    @property
    def listening(self) -> bool:
        return self.server.isListening()

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.readyRead.connect(lambda s=socket: self._on_message(s))
            socket.disconnected.connect(socket.deleteLater)

    def _on_message(self, socket: QLocalSocket) -> None:
        if socket.readAll().data().startswith(ACTIVATE):
            socket.write(ANSWER)
            socket.flush()
            self.activate()

    def close(self) -> None:
        self.server.close()


def tell_already_open(data_dir: str | Path) -> None:
    """The second start's one line: where the store is open already."""
    message = QCoreApplication.translate(
        "App", "This data folder is already open in another window, which was brought to the front: {}")
    sys.stderr.write(message.format(data_dir) + "\n")
