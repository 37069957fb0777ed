/**
 * Observations: what the probes saw for one box, when, and how long it took. Never a
 * conclusion; `diagnose()` draws those.
 */

/** One network probe as the page sees it. A browser hides why a fetch failed. */
export type ProbeResult =
    | { kind: "answered"; ms: number }
    | { kind: "failed"; ms: number }
    | { kind: "timeout"; ms: number }
    | { kind: "skipped"; reason: "page_protocol" | "no_address" };

export const ERROR_CODES = [
    "ERR_IOT_HTTPS_CHECK_NO_SERVER",
    "ERR_IOT_HTTPS_CHECK_CERT_READ_EXCEPTION",
    "ERR_IOT_HTTPS_LOAD_NO_CREDENTIAL",
    "ERR_IOT_HTTPS_LOAD_REQUEST_EXCEPTION",
    "ERR_IOT_HTTPS_LOAD_REQUEST_STATUS",
    "ERR_IOT_HTTPS_LOAD_REQUEST_NO_RESULT",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The certificate as the box itself describes it. */
export type CertificateReport =
    /** `expiresAt` is the real end (ms since epoch) when the box said it; `subject` its CN. */
    | { kind: "valid"; expiresAt?: number; subject?: string }
    /** A fresh image's temporary certificate (16–18). */
    | { kind: "missing" }
    /**
     * A 19 box's `certificate_end_date: null`: no certificate, only the temporary one, or fewer
     * than 10 days left, when its renewal is due. The box does not say which.
     */
    | { kind: "no_valid" }
    | { kind: "error"; code: ErrorCode; status?: string; detail?: string }
    /** Text the catalog does not know, kept to show verbatim (as text). */
    | { kind: "unknown"; text: string };

export type BoxReport =
    | { kind: "report"; generation: "18" | "19"; certificate: CertificateReport }
    | { kind: "alive"; generation: "legacy" };

export type UnreadableReason = "empty" | "too_large" | "not_json" | "wrong_shape" | "not_ping";
export type UnreadableAnswer = { kind: "unreadable"; reason: UnreadableReason; excerpt: string };

/** What a parser makes of a status endpoint's answer. */
export type ParsedAnswer = BoxReport | UnreadableAnswer;

/**
 * How the box's status route failed while something else at the same address answered:
 * - `silent`: nothing readable answered, yet the server there did (an opaque answer): on a real
 *   box, nginx answers its 502 page while Odoo on the box is down;
 * - `timeout`: the status route did not answer in time while the hello did: a 17.0/18.0 box
 *   asks odoo.com inside that call, with no time limit;
 * - `failed`: the status route failed (an error status, no CORS) while the hello and that
 *   route's own ping answered.
 */
export type StatusRouteProblem = "silent" | "timeout" | "failed";

export type LocalNetworkPermission = "granted" | "prompt" | "denied" | "unsupported";

export interface BoxObservations {
    /** `no-cors` request to `https://<name>/`: answered means DNS and TLS are fine. */
    name?: ProbeResult;
    /** `http://<name>:8069/`: tells a name that resolves (a certificate problem) from one that does not. */
    nameHttp?: ProbeResult;
    /** `http://<lan-ip>:8069/`. */
    lan?: ProbeResult;
    /** What the box's status endpoint said, through whichever path answered. */
    report?: ParsedAnswer;
    /** The status route did not give a report although the box's address answered. */
    statusRoute?: StatusRouteProblem;
    /** The generation whose status route hung or failed (it exists: a missing route answers 404 at once). */
    statusGeneration?: "18" | "19";
    localNetwork?: LocalNetworkPermission;
    pageProtocol: string;
    /** When the observations were complete, ms since epoch. */
    checkedAt: number;
}
