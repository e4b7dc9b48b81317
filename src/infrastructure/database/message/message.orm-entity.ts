import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'message_threads' })
export class MessageThreadOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'writer_id' }) writerId: string;
  @Column('text', { name: 'writer_role' }) writerRole: string;
  @Column('uuid', { name: 'flexworker_id', nullable: true }) flexworkerId: string | null;
  @Column('uuid', { name: 'relation_id', nullable: true }) relationId: string | null;
  @Column('text') subject: string;
  @Column('text') status: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'last_message_at' }) lastMessageAt: Date;
  @Column('text', { name: 'last_message_side' }) lastMessageSide: string;
  @Column('int', { name: 'message_count' }) messageCount: number;
  @Column('int', { name: 'writer_unread' }) writerUnread: number;
  @Column('int', { name: 'agency_unread' }) agencyUnread: number;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column('uuid', { name: 'closed_by', nullable: true }) closedBy: string | null;
  @Column('int', { default: 1 }) version: number;
  @Column('timestamptz', { name: 'updated_at', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'messages' })
export class MessageOrmEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'agency_id' }) agencyId: string;
  @Column('uuid', { name: 'thread_id' }) threadId: string;
  @Column('int') seq: number;
  @Column('text') side: string;
  @Column('uuid', { name: 'author_id' }) authorId: string;
  @Column('text') text: string;
  @Column('text', { name: 'attachment_file_name', nullable: true }) attachmentFileName: string | null;
  @Column('text', { name: 'attachment_content_type', nullable: true }) attachmentContentType: string | null;
  @Column('char', { name: 'attachment_sha256', length: 64, nullable: true }) attachmentSha256: string | null;
  @Column('int', { name: 'attachment_size', nullable: true }) attachmentSize: number | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
