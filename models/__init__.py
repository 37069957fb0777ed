from . import iot_box, iot_box_actions, iot_box_device_check, iot_box_report, iot_box_reminders
