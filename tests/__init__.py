# Python tests Odoo's runner finds (`--test-tags /iot_https_certificate`). The JavaScript suites
# of `npm test` live beside them in browser/, build/, e2e/ and bench/; the stand-in `iot`
# apps they run on are in odoo/.
from . import test_apps_listing, test_box_actions, test_box_views, test_device_check, test_certificate_reminders, test_certificate_report, test_web_client
