import type { Database } from "better-sqlite3";
import type { CourierDispatch, CourierMessageRecord, CourierStatus } from "./selfservice-types";

interface MessageRow {
  id: string;
  status: string;
  type: string;
  recipient: string;
  subject: string;
  body: string;
  template_type: string;
  channel: string;
  send_count: number;
  dispatches: string;
  created_at: string;
  updated_at: string;
}

const toRecord = (r: MessageRow): CourierMessageRecord => ({
  id: r.id,
  status: r.status as CourierStatus,
  type: r.type as CourierMessageRecord["type"],
  recipient: r.recipient,
  subject: r.subject,
  body: r.body,
  templateType: r.template_type,
  channel: r.channel,
  sendCount: r.send_count,
  dispatches: JSON.parse(r.dispatches) as CourierDispatch[],
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface CourierCursor {
  createdAt: string;
  id: string;
}

/** The courier's outbox: every message a flow sends, newest first. */
export class CourierStore {
  constructor(private readonly db: Database) {}

  insert(m: CourierMessageRecord): void {
    this.db
      .prepare(
        `INSERT INTO courier_messages (id, status, type, recipient, subject, body, template_type, channel,
          send_count, dispatches, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        m.id,
        m.status,
        m.type,
        m.recipient,
        m.subject,
        m.body,
        m.templateType,
        m.channel,
        m.sendCount,
        JSON.stringify(m.dispatches),
        m.createdAt,
        m.updatedAt,
      );
  }

  get(id: string): CourierMessageRecord | undefined {
    const row = this.db.prepare("SELECT * FROM courier_messages WHERE id=?").get(id) as MessageRow | undefined;
    return row && toRecord(row);
  }

  /** Records one delivery attempt (SMTP), as Kratos's dispatcher does. */
  recordDispatch(id: string, status: CourierStatus, dispatch: CourierDispatch): void {
    const cur = this.get(id);
    if (!cur) return;
    this.db
      .prepare("UPDATE courier_messages SET status=?, send_count=send_count+1, dispatches=?, updated_at=? WHERE id=?")
      .run(status, JSON.stringify([...cur.dispatches, dispatch]), dispatch.updated_at, id);
  }

  /** Keyset page on (created_at, id) descending; filters are exact matches, as Kratos's. */
  list(q: {
    limit: number;
    after?: CourierCursor;
    status?: CourierStatus;
    recipient?: string;
  }): CourierMessageRecord[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.status) {
      where.push("status=?");
      args.push(q.status);
    }
    if (q.recipient) {
      where.push("recipient=?");
      args.push(q.recipient);
    }
    if (q.after) {
      where.push("(created_at, id) < (?, ?)");
      args.push(q.after.createdAt, q.after.id);
    }
    const sql = `SELECT * FROM courier_messages ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
      ORDER BY created_at DESC, id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit) as MessageRow[]).map(toRecord);
  }
}
