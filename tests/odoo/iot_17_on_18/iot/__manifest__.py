# Stand-in of the enterprise `iot` app, 17.x shape in 18.0 `<list>` markup (tests only; see tests/odoo/README.md).
{
    "name": "IoT (stand-in, 17.x shape on 18.0)",
    "version": "1.0",
    "category": "Internet of Things (IoT)",
    "depends": ["web"],
    "data": [
        "security/iot_security.xml",
        "security/ir.model.access.csv",
        "views/iot_views.xml",
    ],
    "application": True,
    "license": "LGPL-3",
}
