import { MessageThread } from '../../../../src/domain/message/message-thread.entity';
import { ConflictError, ValidationError } from '../../../../src/domain/shared/domain-error';

const AT = new Date('2026-11-25T09:00:00Z');
const writer = { userId: 'u-worker', role: 'FLEXWORKER' as const, flexworkerId: 'f1', relationId: null };

function started(text = 'Hello') {
  return MessageThread.start({ id: 't1', agencyId: 'a1', writer, subject: '  Payslip  ', text, messageId: 'm1', at: AT });
}

describe('MessageThread', () => {
  it('starts with the first message: trimmed subject, line breaks kept, one unread for the agency', () => {
    const { thread, message } = started('  Line one\r\nline two  ');
    expect(thread.subject).toBe('Payslip');
    expect(message.text).toBe('Line one\nline two');
    expect(message).toMatchObject({ seq: 1, side: 'WRITER', authorId: 'u-worker' });
    expect([thread.unreadFor('AGENCY'), thread.unreadFor('WRITER')]).toEqual([1, 0]);
  });

  it('reports every problem of a start at its path', () => {
    try {
      MessageThread.start({ id: 't', agencyId: 'a', writer, subject: 'x'.repeat(151), text: ' ', messageId: 'm', at: AT });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).problems.map((p) => `${p.path}:${p.reason}`)).toEqual(['subject:VALUE_TOO_LONG', 'text:REQUIRED']);
    }
    expect(() => MessageThread.start({ id: 't', agencyId: 'a', writer, subject: 'a\nb', text: 'ok', messageId: 'm', at: AT })).toThrow(ValidationError);
    expect(() => started('y'.repeat(5001))).toThrow(ValidationError);
    expect(started('y'.repeat(5000)).message.text).toHaveLength(5000);
  });

  it('counts the other side’s messages since a side last read or wrote', () => {
    const { thread } = started();
    thread.write({ side: 'AGENCY', authorId: 's1', text: 'Answer 1', messageId: 'm2', at: AT });
    thread.write({ side: 'AGENCY', authorId: 's2', text: 'Answer 2', messageId: 'm3', at: AT });
    expect([thread.unreadFor('AGENCY'), thread.unreadFor('WRITER')]).toEqual([0, 2]);
    expect(thread.markReadBy('WRITER')).toBe(true);
    expect(thread.markReadBy('WRITER')).toBe(false);
    const reply = thread.write({ side: 'WRITER', authorId: 'u-worker', text: 'Thanks', messageId: 'm4', at: AT });
    expect(reply.seq).toBe(4);
    expect([thread.unreadFor('AGENCY'), thread.unreadFor('WRITER'), thread.messageCount]).toEqual([1, 0, 4]);
  });

  it('takes no message once closed, from either side; closing again changes nothing', () => {
    const { thread } = started();
    expect(thread.close('s1', AT)).toBe(true);
    expect(thread.close('s2', new Date(AT.getTime() + 1000))).toBe(false);
    expect(thread.closedBy).toBe('s1');
    for (const side of ['WRITER', 'AGENCY'] as const) {
      expect(() => thread.write({ side, authorId: 'x', text: 'Hi', messageId: 'm9', at: AT })).toThrow(ConflictError);
    }
    expect(thread.messageCount).toBe(1);
  });
});
