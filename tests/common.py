"""What the Python tests share: the series' names for things, and an IoT user."""
import re
import threading
import time
from urllib.parse import urlsplit

from odoo.release import version_info
from odoo.tests import HttpCase

SERIES = version_info[0]
# The list view's type: `tree` until 17.0, `list` from 18.0.
LIST = "list" if SERIES >= 18 else "tree"
# Odoo's QUnit page: 18.0 moved it to /web/tests/legacy when Hoot took /web/tests.
QUNIT_PAGE = "/web/tests/legacy" if SERIES >= 18 else "/web/tests"


def iot_box_action_url(view_type):
    """The IoT boxes action in a given view (URLs changed in 18.0)."""
    if SERIES >= 18:
        return f"/odoo/action-iot.iot_box_action?view_type={view_type}"
    return f"/web#action=iot.iot_box_action&view_type={view_type}"


class AddonHttpCase(HttpCase):
    """Odoo's HttpCase, without its read-only request simulation (18.0: `readonly_enabled`,
    19.0: `_registry_readonly_enabled`). A browser of the previous test may still load an image
    when the next test writes its records; while that request runs, the simulation turns the
    shared test cursor read-only and the writes fail. The add-on has no read-only route."""

    readonly_enabled = False
    _registry_readonly_enabled = False

    def browser_js(self, *args, **kwargs):
        """Odoo's `browser_js`, ending only once the server is idle. Odoo 17.0 and 19.0 refuse a
        request that carries another test's key; 18.0 does not, and a request the closed browser
        had already sent (an avatar, once) ran during the next test, on the cursor the tests
        share: it broke that test's setup, or kept the cursor's lock and stopped the run. Waiting
        here covers every page, whatever it was still loading."""
        try:
            return super().browser_js(*args, **kwargs)
        finally:
            wait_until_idle(urlsplit(self.base_url()).port)


def wait_until_idle(port, timeout=10):
    """Returns once the test server on `port` runs no request and has none waiting to be
    accepted, seen twice in a row, or after `timeout` seconds."""
    def busy():
        running = any(thread.name.startswith("odoo.service.http.request.") for thread in threading.enumerate())
        return running or accept_queue(port) > 0

    deadline = time.monotonic() + timeout
    idle = 0
    while idle < 2 and time.monotonic() < deadline:
        idle = 0 if busy() else idle + 1
        time.sleep(0.05)


def accept_queue(port):
    """How many connections to the listening socket on `port` the kernel holds until the server
    accepts them (Linux: a listening socket's `rx_queue` in /proc/net/tcp)."""
    try:
        with open("/proc/net/tcp") as table:
            rows = [line.split() for line in table.readlines()[1:]]
    except OSError:
        return 0
    for row in rows:
        local, state, queues = row[1], row[3], row[4]
        if state == "0A" and int(local.split(":")[1], 16) == port:
            return int(queues.split(":")[1], 16)
    return 0


def make_iot_user(env, login):
    """An internal user of the IoT app, without the technical features (no debug-only pages)."""
    groups = env.ref("base.group_user") | env.ref("iot.group_iot_user")
    field = "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id"
    return env["res.users"].create({
        "name": login.replace("_", " ").title(),
        "login": login,
        "password": login,
        field: [(6, 0, groups.ids)],
    })


def make_iot_admin(env, login):
    """An IoT administrator: an IoT user who may also act on boxes and replace their links."""
    admin = make_iot_user(env, login)
    field = "group_ids" if "group_ids" in env["res.users"]._fields else "groups_id"
    admin.write({field: [(4, env.ref("iot.group_iot_admin").id)]})
    return admin


class Clock:
    """The server's clock in a test: `fields.Datetime.now` answers `self.now` while patched."""

    def __init__(self, now):
        self.now = now

    def patch(self):
        from unittest.mock import patch

        from odoo import fields

        return patch.object(fields.Datetime, "now", lambda *args: self.now)

    @classmethod
    def installed(cls, case, now):
        """A clock patched in for the rest of `case`, the running test."""
        clock = cls(now)
        patcher = clock.patch()
        patcher.start()
        case.addCleanup(patcher.stop)
        return clock


class WriteCounter:
    """Counts the rows `iot.box.write` touches while patched, per box id."""

    def __init__(self, env):
        self.model_class = type(env["iot.box"])
        self.rows = {}

    def patch(self):
        from unittest.mock import patch

        original = self.model_class.write
        counter = self

        def write(records, vals):
            for record_id in records.ids:
                counter.rows[record_id] = counter.rows.get(record_id, 0) + 1
            return original(records, vals)

        return patch.object(self.model_class, "write", write)


def keep_boxes_out_of_reach():
    """A patcher for the test browser: requests to a box (its `.odoo-iot.com` name or a LAN
    address on port 8069) fail as a real browser away from the box sees them fail.

    From 18.0 Odoo's test browser answers every request that leaves the server with an empty
    404, which a probe takes for a box that answered. 17.0's lets them fail: nothing to patch.
    """
    from unittest.mock import patch

    from odoo.tests.common import ChromeBrowser

    original = getattr(ChromeBrowser, "_handle_request_paused", None)
    if original is None:
        return None

    def handle_request_paused(browser, **params):
        url = params["request"]["url"]
        if ".odoo-iot.com" in url or re.match(r"https?://[\d.]+:8069/", url):
            browser._websocket_send("Fetch.failRequest", params={"requestId": params["requestId"], "errorReason": "NameNotResolved"})
            return None
        return original(browser, **params)

    return patch.object(ChromeBrowser, "_handle_request_paused", handle_request_paused)


def page_check(name, body):
    """A script for `browser_js`: `body` runs with `until(what, find)` (polls for what `find`
    returns, for up to a minute) and `text(el)`, and ends with Odoo's "test successful"."""
    return """
(async () => {
    const until = async (what, find) => {
        for (let i = 0; i < 600; i++) {
            const found = find();
            if (found) return found;
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
        const badges = [...document.querySelectorAll(".o_iot_https_badge")].map((b) => b.outerHTML).join(" | ");
        throw new Error("timed out waiting for " + what + "; badges: " + badges);
    };
    const text = (el) => (el ? el.textContent : "").replace(/\\s+/g, " ").trim();
%s
    console.log("test successful");
})().catch((error) => console.error("%s failed: " + error.message));
""" % (body, name)
