// What a user must see for each simulated state, from a page served over http on the LAN.
export const EXPECTED = {
    ok_19: { state: "ok", label: "HTTPS OK" },
    ok_18: { state: "ok", label: "HTTPS OK" },
    ok_legacy: { state: "ok", label: "HTTPS OK" },
    no_server: { state: "ERR_IOT_HTTPS_CHECK_NO_SERVER", label: "Error: no server", code: "ERR_IOT_HTTPS_CHECK_NO_SERVER" },
    cert_read: { state: "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", label: "Error: certificate unreadable", code: "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION" },
    no_credential: { state: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", label: "Error: credentials missing", code: "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL" },
    request_exception: { state: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", label: "Error: odoo.com unreachable", code: "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", detail: "Max retries exceeded" },
    request_status: { state: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", label: "Error: odoo.com answered", code: "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", status: "503", detail: "Service Unavailable" },
    no_result: { state: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", label: "Error: not eligible", code: "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", checklist: "Eligibility checklist" },
    // A 19 box's `null` over a name this browser trusts: 10 days or fewer left, renewal failed.
    no_valid_19: { state: "renewal_overdue", label: "Renewal overdue", checklist: "Eligibility checklist" },
    temporary_19: { state: "certificate_rejected", label: "Certificate rejected", nameBroken: true, boxReport: "On its IP address, the box itself reports: No valid certificate." },
    // Dated badges say the day in calendar days; a run that spans midnight may count one day fewer.
    renewal_overdue: { state: "renewal_overdue", label: /^Expires in [45] days$/, expiry: /^Expires in [45] days$/ },
    expired: {
        state: "expired", label: /^Expired [23] days ago$/, expiry: /^Expired [23] days ago$/, nameBroken: true, browserSaw: "net::ERR_CERT_DATE_INVALID",
        boxReport: "On its IP address, the box itself reports: No valid certificate.",
    },
    odoo_down: { state: "box_odoo_down", label: "Box not answering" },
    status_hangs: { state: "status_hanging", label: "Box stuck" },
    status_fails: { state: "status_failing", label: "Status page fails" },
    wrong_name: { state: "certificate_rejected", label: "Certificate rejected", nameBroken: true, browserSaw: "net::ERR_CERT_COMMON_NAME_INVALID" },
    untrusted: { state: "certificate_rejected", label: "Certificate rejected", nameBroken: true, browserSaw: "net::ERR_CERT_AUTHORITY_INVALID" },
    no_certificate: { state: "no_certificate", label: "No certificate yet", link: false, checklist: "Eligibility checklist" },
    dns_issue: { state: "dns_issue", label: "DNS issue", nameBroken: true, checklist: "Fix the DNS issue", browserSaw: "net::ERR_NAME_NOT_RESOLVED" },
    slow: { state: "ok", label: "HTTPS OK" },
    silent: { state: "unreachable", label: "Unreachable" },
    refused: { state: "unreachable", label: "Unreachable" },
    malformed: { state: "unreadable_answer", label: "Unreadable answer" },
    oversized: { state: "unreadable_answer", label: "Unreadable answer" },
    hostile: { state: "unknown_code", label: "Unknown error" },
};
