"""Grid Inspector (网格安全巡查): offline hazard inspection for township grid inspectors."""

__version__ = "0.1.0"
APP_NAME = "inspector-app"
