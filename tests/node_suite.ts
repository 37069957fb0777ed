// Everything that runs in Node: the portable QUnit suite Odoo also runs, plus the checks of
// the build output that read files.
import "../static/tests/odoo_suite";
import "./build/bundle.test";
import "./device/device.test";
