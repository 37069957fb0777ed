/**
 * The error catalog: one entry for every state a user can meet, written from the Odoo
 * documentation page "HTTPS certificate (IoT)".
 *
 * Texts are literal `_t("…")` calls so Odoo's extractor finds them in the compiled bundle
 * (see ./translate.ts). The catalog is built on first use, once the session's translations
 * are loaded.
 */
import { generationOfVersion, seriesOf } from "./generation";
import type { Generation, VersionHint } from "./generation";
import type { ErrorCode } from "./observations";
import { _t } from "./translate";

export type CatalogKey =
    | "checking"
    | "ok"
    | "renewal_overdue"
    | "expired"
    | "no_certificate"
    | "no_valid_certificate"
    | ErrorCode
    | "unknown_code"
    | "dns_issue"
    | "certificate_rejected"
    | "https_blocked"
    | "local_network_permission"
    | "unreachable"
    | "box_odoo_down"
    | "status_hanging"
    | "status_failing"
    | "unreadable_answer"
    | "invalid_address";

/** Bootstrap's contextual names, so `text-bg-<severity>` and `alert-<severity>` just work. */
export type Severity = "success" | "warning" | "danger" | "secondary";

export type Checklist = "eligibility" | "dns" | "local_network";

export interface CatalogEntry {
    key: CatalogKey;
    /** Badge text: a few words. */
    label: string;
    /** Panel heading: one sentence. */
    title: string;
    cause: string;
    /** What to do, in order; see `stepsFor` for the box's own first step. */
    steps: string[];
    /**
     * The box tried to get a certificate and failed: the first step makes it try again. The
     * documentation's first step is refreshing the box home page (16–18); a 19.0 box checks only
     * when it starts, so there the first step is restarting it.
     */
    retryFirst?: boolean;
    severity: Severity;
    checklist?: Checklist;
    /** Anchor on the 16.0–18.0 page and on the 19.0 page (which uses headings, not codes). */
    anchor: { legacy: string; v19: string };
}

export type DocVersion = "16.0" | "17.0" | "18.0" | "19.0";

const DOC_ROOT = "https://www.odoo.com/documentation/";
const DOC_PAGE: Record<DocVersion, string> = {
    "16.0": "applications/general/iot/config/https_certificate_iot.html",
    "17.0": "applications/general/iot/iot_advanced/https_certificate_iot.html",
    "18.0": "applications/general/iot/iot_advanced/https_certificate_iot.html",
    "19.0": "applications/general/iot/iot_advanced/https_certificate_iot.html",
};

export function docUrl(entry: CatalogEntry, version: DocVersion): string {
    const anchor = version === "19.0" ? entry.anchor.v19 : entry.anchor.legacy;
    return `${DOC_ROOT}${version}/${DOC_PAGE[version]}#${anchor}`;
}

/** The documented code's anchor: lower case, `_` → `-` (as Odoo's own 16/17 homepage builds it). */
function codeAnchor(code: ErrorCode): string {
    return code.toLowerCase().replace(/_/g, "-");
}

const ANCHOR = {
    correct: "how-to-ensure-that-the-https-certificate-is-correct",
    eligibility: "internet-of-things-iot-eligibility",
    dns: "domain-name-system-dns-issue",
    troubleshooting: "troubleshooting",
    credentials: "missing-credentials",
    notReachable: "odoo-com-not-reachable",
    stillNone: "still-no-certificate",
};

export interface Checklists {
    eligibility: string[];
    dns: string[];
    local_network: string[];
    titles: Record<Checklist, string>;
}

export interface Catalog {
    entries: Record<CatalogKey, CatalogEntry>;
    checklists: Checklists;
    /** A 19.0 box's first step where an older box's is refreshing its home page. */
    restartFirst: string;
}

let built: Catalog | undefined;

export function getCatalog(): Catalog {
    built ??= buildCatalog();
    return built;
}

function buildCatalog(): Catalog {
    // Steps that several states share, written once.
    const refreshFirst = _t("Open the box homepage and refresh it once: each load makes the box retry the certificate.");
    const withAdmin = _t("This depends on your network, so involve whoever manages it.");
    const connectedAndOnline = _t("Check that the box is connected to this database and can reach odoo.com.");
    const eligible = _t("Check that the database is eligible (see the checklist).");
    const checklistHolds = _t("Make sure every point of the eligibility checklist holds.");
    const restartFirst = _t("Restart the box: it asks odoo.com for a certificate when it starts.");
    const reachOdooCom = _t("Check that the box can reach odoo.com: internet access, firewall, proxy or VPN.");
    const restartThenCheck = _t("Then restart the box and press Check now.");
    const entries = {} as Record<CatalogKey, CatalogEntry>;
    const add = (key: CatalogKey, entry: Omit<CatalogEntry, "key">) => {
        entries[key] = { key, ...entry };
    };
    /** A documented code: its 16–18 anchor is the code itself. */
    const addCode = (code: ErrorCode, entry: Omit<CatalogEntry, "key" | "anchor">, v19Anchor: string) =>
        add(code, { ...entry, anchor: { legacy: codeAnchor(code), v19: v19Anchor } });

    add("checking", {
        label: _t("Checking…"),
        title: _t("Checking the box's HTTPS certificate…"),
        cause: _t("The first check of this box has not finished yet."),
        steps: [],
        severity: "secondary",
        anchor: { legacy: ANCHOR.correct, v19: ANCHOR.troubleshooting },
    });
    add("ok", {
        label: _t("HTTPS OK"),
        title: _t("The HTTPS certificate is valid."),
        cause: _t("This browser reached the box over HTTPS on its .odoo-iot.com address and trusted its certificate."),
        steps: [_t("Nothing to do: the box renews its certificate by itself, 10 days before it ends.")],
        severity: "success",
        anchor: { legacy: ANCHOR.correct, v19: ANCHOR.troubleshooting },
    });
    add("renewal_overdue", {
        label: _t("Renewal overdue"),
        title: _t("The certificate ends in less than 10 days: its automatic renewal has failed."),
        cause: _t("The box asks odoo.com for a new certificate once fewer than 10 days are left. It still has the old one, so those requests did not succeed."),
        steps: [refreshFirst, connectedAndOnline, eligible],
        retryFirst: true,
        severity: "warning",
        checklist: "eligibility",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.stillNone },
    });
    add("expired", {
        label: _t("Expired"),
        title: _t("The HTTPS certificate has expired."),
        cause: _t("The certificate's end date has passed, so browsers and payment terminals refuse the HTTPS connection."),
        steps: [refreshFirst, connectedAndOnline, eligible],
        retryFirst: true,
        severity: "danger",
        checklist: "eligibility",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.stillNone },
    });
    add("no_certificate", {
        label: _t("No certificate yet"),
        title: _t("The box has no HTTPS certificate yet."),
        cause: _t("The box is known only by its IP address or still uses the temporary certificate of a fresh image. Odoo.com delivers a certificate only to eligible databases."),
        steps: [refreshFirst, checklistHolds],
        retryFirst: true,
        severity: "warning",
        checklist: "eligibility",
        anchor: { legacy: ANCHOR.eligibility, v19: ANCHOR.stillNone },
    });
    add("no_valid_certificate", {
        label: _t("No valid certificate"),
        title: _t("The box has no valid certificate, or its renewal is due."),
        cause: _t("The box reports no end date. It has no certificate, only the temporary one of a fresh image, or fewer than 10 days left, when it must renew."),
        steps: [
            restartFirst,
            reachOdooCom,
            checklistHolds,
        ],
        severity: "warning",
        checklist: "eligibility",
        anchor: { legacy: ANCHOR.eligibility, v19: ANCHOR.stillNone },
    });
    addCode("ERR_IOT_HTTPS_CHECK_NO_SERVER", {
        label: _t("Error: no server"),
        title: _t("The box is not connected to a database."),
        cause: _t("The box has no server configured, so it cannot ask for a certificate. This also happens while it runs as a Wi-Fi access point."),
        steps: [_t("Connect the box to this database again (IoT app, Connect), then refresh the box homepage.")],
        severity: "danger",
    }, ANCHOR.troubleshooting);
    addCode("ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION", {
        label: _t("Error: certificate unreadable"),
        title: _t("The box could not read its certificate file."),
        cause: _t("An unexpected error happened while the box read its existing HTTPS certificate."),
        steps: [refreshFirst, _t("Make sure the certificate file on the box is readable: restart the box, then refresh its homepage."), _t("If it persists, flash the box with a recent image.")],
        retryFirst: true,
        severity: "danger",
    }, ANCHOR.troubleshooting);
    addCode("ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL", {
        label: _t("Error: credentials missing"),
        title: _t("The box lacks the database UUID or the subscription code."),
        cause: _t("Without both values the box cannot prove to odoo.com which subscription it belongs to."),
        steps: [refreshFirst, _t("On the box homepage, open Credential, enter both values as they are configured for this database, then refresh the page.")],
        retryFirst: true,
        severity: "danger",
    }, ANCHOR.credentials);
    addCode("ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION", {
        label: _t("Error: odoo.com unreachable"),
        title: _t("The box could not reach odoo.com."),
        cause: _t("The request to odoo.com failed: the box has no internet access, or a firewall, proxy or VPN blocks it."),
        retryFirst: true,
        steps: [refreshFirst, _t("Check that the box has internet access."), _t("Allow the box to reach https://www.odoo.com through the firewall, proxy or VPN."), withAdmin, _t("The box logs hold the full error.")],
        severity: "danger",
    }, ANCHOR.notReachable);
    addCode("ERR_IOT_HTTPS_LOAD_REQUEST_STATUS", {
        label: _t("Error: odoo.com answered"),
        title: _t("Odoo.com answered with an unexpected HTTP status."),
        cause: _t("The box reached odoo.com, but the answer was an HTTP error instead of a certificate."),
        retryFirst: true,
        steps: [refreshFirst, _t("Open https://www.odoo.com in a browser: if it is under maintenance, wait for it to come back."), _t("Otherwise, open a support ticket and quote the three-digit status shown here.")],
        severity: "danger",
    }, ANCHOR.notReachable);
    addCode("ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT", {
        label: _t("Error: not eligible"),
        title: _t("Odoo.com refused to deliver a certificate."),
        cause: _t("The box reached odoo.com, which sent no certificate: the database or the box is not eligible."),
        steps: [refreshFirst, checklistHolds],
        retryFirst: true,
        severity: "danger",
        checklist: "eligibility",
    }, ANCHOR.stillNone);
    add("unknown_code", {
        label: _t("Unknown error"),
        title: _t("The box reports a certificate problem this add-on does not know."),
        cause: _t("The box's own text is shown above, exactly as it was received."),
        steps: [refreshFirst, _t("Search the documentation for the text above, or quote it in a support ticket.")],
        retryFirst: true,
        severity: "danger",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });
    add("dns_issue", {
        label: _t("DNS issue"),
        title: _t("The box answers on its IP address but its .odoo-iot.com name does not resolve."),
        cause: _t("The name points to a private address. Many routers and DNS resolvers drop such answers to protect against DNS rebinding."),
        steps: [_t("Follow the DNS steps below."), withAdmin],
        severity: "danger",
        checklist: "dns",
        anchor: { legacy: ANCHOR.dns, v19: ANCHOR.dns },
    });
    add("certificate_rejected", {
        label: _t("Certificate rejected"),
        title: _t("This browser rejects the box's certificate."),
        cause: _t("The name resolves and the box answers, but the HTTPS connection fails: the certificate is expired, issued for another name, or not trusted here."),
        steps: [refreshFirst, _t("Check that this computer's date and time are correct."), _t("Open the HTTPS address: the browser's warning tells the exact reason.")],
        severity: "danger",
        anchor: { legacy: ANCHOR.correct, v19: ANCHOR.troubleshooting },
    });
    add("https_blocked", {
        label: _t("HTTPS blocked"),
        title: _t("The box answers on its IP address, but HTTPS on its name fails."),
        cause: _t("The browser does not tell why. Most often the name does not resolve on this network (a DNS issue); otherwise the certificate is refused."),
        steps: [_t("Open the HTTPS address: the browser's error page names the reason."), _t("If it mentions DNS, follow the DNS steps below.")],
        severity: "danger",
        checklist: "dns",
        anchor: { legacy: ANCHOR.dns, v19: ANCHOR.dns },
    });
    add("local_network_permission", {
        label: _t("Permission needed"),
        title: _t("The browser needs your permission to reach devices on the local network."),
        cause: _t("This page is served from the internet, and the browser blocks its requests to local devices until you allow them."),
        steps: [_t("Follow the permission steps below, then press Check now.")],
        severity: "secondary",
        checklist: "local_network",
        anchor: { legacy: ANCHOR.correct, v19: ANCHOR.troubleshooting },
    });
    add("unreachable", {
        label: _t("Unreachable"),
        title: _t("The box does not answer, on its name or on its IP address."),
        cause: _t("The box is off, on another network than this computer, or its address changed."),
        steps: [_t("Check that the box is powered on and connected."), _t("Check that this computer is on the same network as the box."), _t("Restart the box; it reports its new address to the database.")],
        severity: "secondary",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });
    add("box_odoo_down", {
        label: _t("Box not answering"),
        title: _t("The box's HTTPS name works, but Odoo on the box does not answer."),
        cause: _t("The box's web server answered in Odoo's place, with an error page: Odoo on the box is stopped, starting, or has crashed."),
        steps: [
            _t("Wait a minute, then press Check now: the box may be starting."),
            _t("If it stays like this, unplug the box for a few seconds and plug it in again."),
            _t("If it still does not answer, open the box's logs from its home page or flash it with a recent image."),
        ],
        severity: "danger",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });
    add("status_hanging", {
        label: _t("Box stuck"),
        title: _t("The box answers, but its status page does not: it may be stuck asking odoo.com for a certificate."),
        cause: _t("The box checks its certificate while it builds its status page, and it waits for odoo.com without a time limit. A firewall, proxy or VPN that silently drops its traffic keeps it waiting."),
        steps: [
            reachOdooCom,
            withAdmin,
            restartThenCheck,
        ],
        severity: "warning",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.notReachable },
    });
    add("status_failing", {
        label: _t("Status page fails"),
        title: _t("The box answers, but its status page fails."),
        cause: _t("The box's Odoo is running, but the page that reports its certificate answered with an error instead of a report. Odoo.com may have sent an answer the box cannot read."),
        steps: [
            _t("Open the box home page: it shows the error, and its logs tell more."),
            restartThenCheck,
            _t("If it persists, update the box to a recent image."),
        ],
        severity: "danger",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });
    add("unreadable_answer", {
        label: _t("Unreadable answer"),
        title: _t("The box answered something that is not a status report."),
        cause: _t("The answer is malformed, too large or of another kind. Something else may be answering at this address."),
        steps: [_t("Open the box homepage to see what answers there."), _t("Update the box to a recent image.")],
        severity: "warning",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });
    add("invalid_address", {
        label: _t("Invalid address"),
        title: _t("The box's address is not one a box would send."),
        cause: _t("The Domain Address field is empty or malformed, so no link is offered and nothing is checked."),
        steps: [_t("Restart the box: it reports its address to the database when it connects.")],
        severity: "warning",
        anchor: { legacy: ANCHOR.troubleshooting, v19: ANCHOR.troubleshooting },
    });

    const checklists: Checklists = {
        titles: {
            eligibility: _t("Eligibility checklist"),
            dns: _t("Fix the DNS issue"),
            local_network: _t("Allow local network access"),
        },
        eligibility: [
            _t("The database is the production one: not a copy, a duplicate, a staging or a development database."),
            _t("The subscription is in progress and includes an IoT Box Subscription line. Ask your Account Manager or Partner when unsure."),
        ],
        dns: [
            _t("If the router lets you set its DNS servers, set them to Google DNS (8.8.8.8 and 8.8.4.4)."),
            _t("Otherwise, set Google DNS on every computer, tablet and phone that uses the box, as its maker documents."),
            _t("Payment terminals usually need no change: they come with their own DNS settings."),
        ],
        local_network: [
            _t("Click the icon at the left of the address bar and open the site settings."),
            _t("Set Local network access to Allow for this Odoo address."),
            _t("Come back to this page and press Check now."),
        ],
    };
    return { entries, checklists, restartFirst };
}

/** The steps for a box of `generation`: a 19.0 box is restarted where an older one is refreshed. */
export function stepsFor(entry: CatalogEntry, generation: Generation | undefined): string[] {
    return entry.retryFirst && generation === "19" ? [getCatalog().restartFirst, ...entry.steps.slice(1)] : entry.steps;
}

/**
 * The documentation version for a box: a 19 generation found by a probe reads the 19.0 page;
 * otherwise the box's own series, else the database's; else the generation found.
 */
export function docVersionOf(generation: Generation | undefined, database: VersionHint | undefined, versionHint: unknown): DocVersion {
    const series = seriesOf(database, versionHint);
    if (generation === "19" || (series && generationOfVersion(series) === "19")) return "19.0";
    if (series) return series.major <= 16 ? "16.0" : series.major === 17 ? "17.0" : "18.0";
    return generation === "18" ? "18.0" : "17.0";
}
