import { MessageThreadFilter, MessageThreadRepository } from '../../../application/ports/message-thread.repository';
import { emptyPage, invalidCursor, Page, pageOfItems, PageQuery } from '../../../application/shared/pagination';
import { Message, MessageSide } from '../../../domain/message/message.entity';
import { MessageThread } from '../../../domain/message/message-thread.entity';
import { AgencyScopedRows } from '../agency-scoped-rows';
import { DatabaseContext } from '../database-context';
import { decodeCursor, encodeCursor, isUuid } from '../organisation/keyset-cursor';
import { messageToDomain, messageToRow, threadToDomain, threadToRow } from './message.mapper';
import { MessageOrmEntity, MessageThreadOrmEntity } from './message.orm-entity';

const THREADS = 'messageThreads';
const MESSAGES = 'messages';
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const SEQ = /^[1-9]\d{0,8}$/;

/** Threads and their messages (migration 1764201500000). */
export class TypeormMessageThreadRepository extends MessageThreadRepository {
  private readonly rows: AgencyScopedRows<MessageThreadOrmEntity>;

  constructor(private readonly db: DatabaseContext) {
    super();
    this.rows = new AgencyScopedRows(db, MessageThreadOrmEntity, 'conversation');
  }

  async findById(agencyId: string, id: string): Promise<MessageThread | null> {
    const row = await this.rows.findOne(agencyId, id);
    return row ? threadToDomain(row) : null;
  }

  async findByIdForUpdate(agencyId: string, id: string): Promise<MessageThread | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.rows
      .repo()
      .createQueryBuilder('t')
      .where('t.agency_id = :agencyId AND t.id = :id', { agencyId, id })
      .setLock('pessimistic_write')
      .getOne();
    return row ? threadToDomain(row) : null;
  }

  async insert(thread: MessageThread, first: Message): Promise<void> {
    await this.rows.insert(threadToRow(thread));
    await this.addMessage(first);
  }

  async addMessage(message: Message): Promise<void> {
    await this.db.manager().getRepository(MessageOrmEntity).insert(messageToRow(message));
  }

  async update(thread: MessageThread): Promise<MessageThread> {
    return thread.withVersion(await this.rows.updateVersioned(threadToRow(thread)));
  }

  async list(agencyId: string, filter: MessageThreadFilter, page: PageQuery): Promise<Page<MessageThread>> {
    const after = page.after === null ? null : decodeCursor(THREADS, page.after, 2);
    if (after && (!ISO.test(after[0]) || Number.isNaN(Date.parse(after[0])))) throw invalidCursor();
    if (!isUuid(agencyId) || (filter.writerId !== undefined && !isUuid(filter.writerId))) return emptyPage();
    const query = this.rows.repo().createQueryBuilder('t').where('t.agency_id = :agencyId', { agencyId });
    if (filter.writerId) query.andWhere('t.writer_id = :writerId', { writerId: filter.writerId });
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (after) query.andWhere('(t.last_message_at, t.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    const rows = await query.orderBy('t.last_message_at', 'DESC').addOrderBy('t.id', 'DESC').limit(page.first + 1).getMany();
    const items = rows.slice(0, page.first).map(threadToDomain);
    return pageOfItems(items, items.map((t) => encodeCursor(THREADS, [t.lastMessageAt.toISOString(), t.id])), rows.length > page.first);
  }

  async unreadTotal(agencyId: string, filter: { readonly writerId?: string }, side: MessageSide): Promise<number> {
    if (!isUuid(agencyId) || (filter.writerId !== undefined && !isUuid(filter.writerId))) return 0;
    const column = side === 'WRITER' ? 't.writer_unread' : 't.agency_unread';
    const query = this.rows.repo().createQueryBuilder('t').select(`COALESCE(SUM(${column}), 0)::int`, 'total').where('t.agency_id = :agencyId', { agencyId });
    query.andWhere(`${column} > 0`);
    if (filter.writerId) query.andWhere('t.writer_id = :writerId', { writerId: filter.writerId });
    const row = await query.getRawOne<{ total: number | string }>();
    return Number(row?.total ?? 0);
  }

  async findMessage(agencyId: string, id: string): Promise<Message | null> {
    if (!isUuid(agencyId) || !isUuid(id)) return null;
    const row = await this.db.manager().getRepository(MessageOrmEntity).findOneBy({ agencyId, id });
    return row ? messageToDomain(row) : null;
  }

  async listMessages(agencyId: string, threadId: string, page: PageQuery): Promise<Page<Message>> {
    const after = page.after === null ? null : decodeCursor(MESSAGES, page.after, 2);
    if (after && !SEQ.test(after[0])) throw invalidCursor();
    if (!isUuid(agencyId) || !isUuid(threadId)) return emptyPage();
    const query = this.db
      .manager()
      .getRepository(MessageOrmEntity)
      .createQueryBuilder('m')
      .where('m.agency_id = :agencyId AND m.thread_id = :threadId', { agencyId, threadId });
    if (after) query.andWhere('m.seq > :seq', { seq: Number(after[0]) });
    const rows = await query.orderBy('m.seq', 'ASC').limit(page.first + 1).getMany();
    const items = rows.slice(0, page.first).map(messageToDomain);
    return pageOfItems(items, items.map((m) => encodeCursor(MESSAGES, [String(m.seq), m.id])), rows.length > page.first);
  }
}
