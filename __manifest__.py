# -*- coding: utf-8 -*-
{
    "name": "IoT Box HTTPS Certificate",
    "summary": "HTTPS certificate status of every IoT box: live badges, diagnosis and fixes, reminders, and a check for the shop's devices",
    "description": """
Shows each IoT box's .odoo-iot.com HTTPS address and a live certificate status badge in the
IoT app, and the diagnosis (documented error, cause, fix, validity, DNS and eligibility checks)
on the box form. The status is checked from the user's browser; what each box says about its
own certificate is kept in the database, with its history, search filters and daily reminders
to the IoT administrators.
""",
    # No series prefix: Odoo adds its own, so the same tree installs on 17.0 and 18.0.
    "version": "1.0.0",
    "category": "Internet of Things (IoT)",
    "author": "iot_https_certificate",
    # The main screenshot, for an apps store; the Apps menu shows static/description/index.html.
    "images": ["static/description/list.png"],
    "license": "LGPL-3",
    # mail: the boxes' certificate history (chatter) and the reminders (activities).
    "depends": ["iot", "mail"],
    "data": [
        "data/https_certificate_data.xml",
        "views/iot_box_views.xml",
        "views/device_check_templates.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "iot_https_certificate/static/src/iot_https_certificate.js",
            "iot_https_certificate/static/src/iot_https_certificate.xml",
            "iot_https_certificate/static/src/components/https_link/https_link.css",
            "iot_https_certificate/static/src/odoo/widgets.css",
        ],
        # The device page's own bundle: nothing of the web client, so it stays small on a phone.
        "iot_https_certificate.assets_device_check": [
            "iot_https_certificate/static/src/device_check/device_check.css",
            "iot_https_certificate/static/device_check/device_check.js",
        ],
        "web.qunit_suite_tests": [
            "iot_https_certificate/static/tests/iot_https_certificate_tests.js",
        ],
    },
    "installable": True,
    "application": False,
}
