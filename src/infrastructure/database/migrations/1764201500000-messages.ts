import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages to the agency (issue 12, the contact tab).
 *
 * - `message_threads`: one conversation between a writer (a worker's or a relation contact's login)
 *   and their agency. `writer_unread` and `agency_unread` are the messages of the other side that
 *   side has not read; they change under the row's lock with each message and read mark, so that an
 *   inbox and its total are read without counting messages. The agency side has one mark for all
 *   staff (a team inbox).
 * - `messages`: the messages of a thread, numbered 1, 2, 3… (`seq`) in the order they were written.
 * - `mail_outbox.kind` takes the two mails of the tab: MESSAGE_TO_AGENCY and MESSAGE_REPLY.
 *
 * Indexes: the agency's inbox (latest message first, with and without a status), the writer's own
 * list, the threads with something unread for staff, and a thread's messages in order.
 */
export class Messages1764201500000 implements MigrationInterface {
  name = 'Messages1764201500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE message_threads (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        writer_id uuid NOT NULL REFERENCES users(id),
        writer_role text NOT NULL CHECK (writer_role IN ('FLEXWORKER', 'RELATION_CONTACT')),
        flexworker_id uuid REFERENCES flexworkers(id),
        relation_id uuid REFERENCES relations(id),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 150),
        status text NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        created_at timestamptz NOT NULL,
        last_message_at timestamptz NOT NULL,
        last_message_side text NOT NULL CHECK (last_message_side IN ('WRITER', 'AGENCY')),
        message_count int NOT NULL CHECK (message_count >= 1),
        writer_unread int NOT NULL CHECK (writer_unread >= 0),
        agency_unread int NOT NULL CHECK (agency_unread >= 0),
        closed_at timestamptz,
        closed_by uuid REFERENCES users(id),
        version int NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT message_threads_closed_check CHECK ((status = 'CLOSED') = (closed_at IS NOT NULL) AND (closed_at IS NULL) = (closed_by IS NULL)),
        CONSTRAINT message_threads_writer_check CHECK ((writer_role = 'FLEXWORKER') = (flexworker_id IS NOT NULL) AND (writer_role = 'RELATION_CONTACT') = (relation_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX message_threads_inbox_idx ON message_threads (agency_id, last_message_at DESC, id DESC)`);
    await q.query(`CREATE INDEX message_threads_inbox_status_idx ON message_threads (agency_id, status, last_message_at DESC, id DESC)`);
    await q.query(`CREATE INDEX message_threads_writer_idx ON message_threads (writer_id, last_message_at DESC, id DESC)`);
    await q.query(`CREATE INDEX message_threads_agency_unread_idx ON message_threads (agency_id) WHERE agency_unread > 0`);
    await q.query(`
      CREATE TABLE messages (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies(id),
        thread_id uuid NOT NULL REFERENCES message_threads(id),
        seq int NOT NULL CHECK (seq >= 1),
        side text NOT NULL CHECK (side IN ('WRITER', 'AGENCY')),
        author_id uuid NOT NULL REFERENCES users(id),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL,
        CONSTRAINT messages_thread_seq_key UNIQUE (thread_id, seq)
      )`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check`);
    await q.query(
      `ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN ('INVITATION', 'PASSWORD_RESET', 'HOURS_REMINDER', 'MESSAGE_TO_AGENCY', 'MESSAGE_REPLY'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM mail_outbox WHERE kind IN ('MESSAGE_TO_AGENCY', 'MESSAGE_REPLY')`);
    await q.query(`ALTER TABLE mail_outbox DROP CONSTRAINT mail_outbox_kind_check`);
    await q.query(`ALTER TABLE mail_outbox ADD CONSTRAINT mail_outbox_kind_check CHECK (kind IN ('INVITATION', 'PASSWORD_RESET', 'HOURS_REMINDER'))`);
    await q.query(`DROP TABLE messages`);
    await q.query(`DROP TABLE message_threads`);
  }
}
