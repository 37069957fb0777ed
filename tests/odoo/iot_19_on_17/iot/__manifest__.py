# Stand-in of the enterprise `iot` app, 19.0 layout written for 17.0 (tests only; see tests/odoo/README.md).
{
    "name": "IoT (stand-in, 19.0 layout on 17.0)",
    "version": "1.0",
    "category": "Internet of Things (IoT)",
    "depends": ["mail"],
    "data": [
        "security/iot_security.xml",
        "security/ir.model.access.csv",
        "views/iot_views.xml",
    ],
    "application": True,
    "license": "LGPL-3",
}
