# Stand-in of the enterprise `iot` app, saas-18 shape: `<list>`, card kanban without ip_url (tests only; see tests/odoo/README.md).
{
    "name": "IoT (stand-in, saas-18 shape)",
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
