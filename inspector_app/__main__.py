"""``python -m inspector_app`` is ``inspector-app``."""

import sys

from .launcher import main

if __name__ == "__main__":
    sys.exit(main())
