from . import device_check
