from . import iot_box
