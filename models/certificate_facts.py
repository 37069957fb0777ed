"""What a box says about its own certificate, as the database keeps it: the states, the documented
codes, how a report is validated, and how the state follows the calendar. Pure functions: the
model methods in iot_box_report.py and iot_box_reminders.py apply them."""
import re
from datetime import datetime, timedelta

# https_certificate_state: what the box said, brought up to date with the calendar.
STATES = ["ok", "renewal_due", "expired", "error", "no_valid"]
# The six codes a box prints on its own homepage (16.0 to saas-18.2). Nothing else is stored.
CODES = [
    "ERR_IOT_HTTPS_CHECK_NO_SERVER",
    "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION",
    "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL",
    "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION",
    "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS",
    "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT",
]
# A box asks odoo.com for a new certificate once fewer than this many days are left.
RENEWAL_DAYS = 10
# A certificate's end is plausible within these bounds around today (certificates last months).
PLAUSIBLE_PAST = timedelta(days=5 * 365)
PLAUSIBLE_FUTURE = timedelta(days=2 * 365)
# While nothing changes, a box's row is written again only to refresh reported_at, this often.
REFRESH_AFTER = timedelta(hours=12)
# One call carries at most this many boxes.
MAX_REPORTS = 1000
# The keys a report may carry; anything else (db_uuid, enterprise_code, ...) is never read.
REPORT_KEYS = ("id", "state", "end_date", "error", "status")

DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
STATUS = re.compile(r"^\d{3}$")


class ReportError(ValueError):
    """A report the database refuses, with the reason in words."""


def state_of(end, error, now):
    """The state of stored facts on a given day: an error, else the end date against today."""
    if error:
        return "error"
    if not end:
        return "no_valid"
    if end <= now:
        return "expired"
    if end - now < timedelta(days=RENEWAL_DAYS):
        return "renewal_due"
    return "ok"


def read_report(raw, now):
    """One box's report as a browser sends it → (box id, (state, end, error)): the facts to
    store, as `iot.box._https_certificate_facts()` reads them. Raises ReportError.

    `raw` is {"id", "state", "end_date"?, "error"?, "status"?}; only those keys are read. A
    dated state is derived again here from the end date and the server's clock, so a browser
    with a wrong clock cannot store a wrong state.
    """
    if not isinstance(raw, dict):
        raise ReportError("a report must be an object")
    box_id, state = raw.get("id"), raw.get("state")
    if not isinstance(box_id, int) or isinstance(box_id, bool) or box_id <= 0:
        raise ReportError("a report needs the id of a box")
    if state not in STATES:
        raise ReportError(f"box {box_id}: unknown state {str(state)[:40]!r}")
    end = _read_end(box_id, raw.get("end_date"), now)
    error = _read_error(box_id, state, raw.get("error"), raw.get("status"))
    if state == "error" and end:
        raise ReportError(f"box {box_id}: an error report carries no end date")
    if state in ("renewal_due", "expired") and not end:
        raise ReportError(f"box {box_id}: state {state} needs the end date")
    if state == "no_valid" and end:
        raise ReportError(f"box {box_id}: no valid certificate, yet an end date")
    # "ok" without an end date: an 18.0 box that says its certificate is fine without a date.
    derived = state if state in ("error", "no_valid") or not end else state_of(end, False, now)
    return box_id, (derived, end, error)


def _read_end(box_id, value, now):
    if value in (None, False, ""):
        return False
    if not isinstance(value, str) or len(value) != 19:
        raise ReportError(f"box {box_id}: the end date must read YYYY-MM-DD HH:MM:SS (UTC)")
    try:
        end = datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        raise ReportError(f"box {box_id}: {value!r} is not a date") from None
    if not now - PLAUSIBLE_PAST <= end <= now + PLAUSIBLE_FUTURE:
        raise ReportError(f"box {box_id}: the end date {value} is not plausible")
    return end


def _read_error(box_id, state, code, status):
    if state != "error":
        if code or status:
            raise ReportError(f"box {box_id}: an error code with state {state}")
        return False
    if code not in CODES:
        raise ReportError(f"box {box_id}: {str(code)[:60]!r} is not one of the six documented codes")
    if status in (None, False, ""):
        return code
    if code != "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS" or not isinstance(status, str) or not STATUS.match(status):
        raise ReportError(f"box {box_id}: the status must be the 3 digits of ERR_IOT_HTTPS_LOAD_REQUEST_STATUS")
    return f"{code} {status}"
