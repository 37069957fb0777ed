# Stand-in of the enterprise `iot` app, 19.0 view shape (tests only; see tests/odoo/README.md).
{
    "name": "IoT (stand-in, 19.0 shape)",
    "version": "1.0",
    "category": "Internet of Things (IoT)",
    "depends": ["mail", "iot_base"],
    "data": [
        "security/iot_security.xml",
        "security/ir.model.access.csv",
        "views/iot_views.xml",
    ],
    "application": True,
    "license": "LGPL-3",
}
