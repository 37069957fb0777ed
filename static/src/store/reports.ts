/**
 * Tells the database what boxes say about themselves (`iot.box.report_https_certificate`):
 * in batches, and only what it does not know yet, or once its copy is 12 hours old. A fleet
 * watched by many browsers then costs the database a few calls per browser per hour, and each
 * box's row at most two writes a day.
 */
import type { ParsedAnswer } from "../core/observations";
import { needsReport, outgoingReport, storedOf } from "../core/stored_report";
import type { OutgoingReport, StoredReport } from "../core/stored_report";
import { parseBoxDate } from "../core/parsers";
import { storedReportOf } from "./box_status";
import type { BoxRecord } from "./box_status";
import type { Net } from "./request";

/** The ORM call; answers what the database now holds: [{ id, reported_at }]. */
export type ReportSender = (reports: OutgoingReport[]) => Promise<{ id: number; reported_at: string }[]>;

/** Reports heard within this window go in one call. */
export const BATCH_MS = 30_000;
/** After a refused or failed call, a box is not reported again for this long. */
export const RETRY_MS = 3_600_000;

export class ReportQueue {
    private queued = new Map<number, OutgoingReport>();
    /** What the database holds since this browser last reported, newer than the view's record. */
    private known = new Map<number, StoredReport>();
    private retryAt = new Map<number, number>();
    private timer: unknown;
    /** Calls made, for the benchmark's figures. */
    calls = 0;

    constructor(private readonly send: ReportSender | undefined, private readonly net: Pick<Net, "setTimeout" | "now">) {}

    /** A box's own answer was heard: queue it if the database must hear it. */
    offer(record: BoxRecord, answer: ParsedAnswer | undefined): void {
        if (!this.send || answer?.kind !== "report") return;
        const now = this.net.now();
        const report = outgoingReport(record.id, answer.certificate, now);
        if (!report || (this.retryAt.get(record.id) ?? 0) > now) return;
        if (!needsReport(report, this.known.get(record.id) ?? storedReportOf(record), now)) return;
        this.queued.set(record.id, report);
        this.timer ??= this.net.setTimeout(() => void this.flush(), BATCH_MS);
    }

    private async flush(): Promise<void> {
        this.timer = undefined;
        const reports = [...this.queued.values()];
        this.queued.clear();
        this.calls++;
        try {
            const stored = await this.send!(reports);
            const at = new Map(stored.map((box) => [box.id, parseBoxDate(box.reported_at)]));
            for (const report of reports) this.known.set(report.id, storedOf(report, at.get(report.id) ?? this.net.now()));
        } catch {
            // Refused or unreachable: the verdicts on screen do not depend on it. Try again later,
            // not at every probe.
            const later = this.net.now() + RETRY_MS;
            for (const report of reports) this.retryAt.set(report.id, later);
        }
    }
}
