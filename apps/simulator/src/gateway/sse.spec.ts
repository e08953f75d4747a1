import { readSse, SseParser, type SseMessage } from './sse';

const envelope = { id: 'e1', type: 'ticket.assigned', data: { ticketId: 't1' } };

describe('SseParser', () => {
  it('parses events with a type and a JSON data line', () => {
    const out = new SseParser().feed(`event: ticket.assigned\ndata: ${JSON.stringify(envelope)}\n\n`);
    expect(out).toEqual([{ event: 'ticket.assigned', data: JSON.stringify(envelope) }]);
    expect(JSON.parse(out[0]!.data)).toEqual(envelope);
  });

  it('assembles events split across chunks at any point', () => {
    const text = `: keep-alive\n\nid: 7\nevent: a\ndata: {"x":1}\n\nevent: b\ndata: two\n\n`;
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const out = [...p.feed(text.slice(0, cut)), ...p.feed(text.slice(cut))];
      expect(out).toEqual([
        { event: 'a', data: '{"x":1}', id: '7' },
        { event: 'b', data: 'two', id: '7' },
      ]);
    }
  });

  it('accepts CRLF, CR and LF line ends, a CRLF split between chunks included', () => {
    expect(new SseParser().feed('event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\revent: c\ndata: 3\n\n').map((m) => m.event)).toEqual(['a', 'b', 'c']);
    const p = new SseParser();
    expect([...p.feed('data: x\r'), ...p.feed('\n\r'), ...p.feed('\n')]).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('joins multi-line data, ignores comments and unknown fields, and defaults the type', () => {
    const out = new SseParser().feed(':comment\nfoo: bar\ndata: line 1\ndata:line 2\ndata\n\n');
    expect(out).toEqual([{ event: 'message', data: 'line 1\nline 2\n' }]);
  });

  it('dispatches nothing for a block without data, and resets the type after each event', () => {
    const out = new SseParser().feed('event: ping\n\ndata: after\n\n');
    expect(out).toEqual([{ event: 'message', data: 'after' }]);
  });

  it('keeps the retry hint and strips a leading byte order mark', () => {
    expect(new SseParser().feed('\uFEFFretry: 3000\ndata: x\n\n')).toEqual([{ event: 'message', data: 'x', retry: 3000 }]);
  });

  it('holds an unterminated event until its blank line arrives', () => {
    const p = new SseParser();
    expect(p.feed('event: a\ndata: 1\n')).toEqual([]);
    expect(p.feed('\n')).toEqual([{ event: 'a', data: '1' }]);
  });
});

describe('readSse', () => {
  it('reads events from a byte stream, multi-byte characters split across chunks included', async () => {
    const bytes = new TextEncoder().encode('event: survey.scheduled\ndata: {"name":"张三"}\n\n');
    const split = bytes.indexOf(0xe5) + 1; // inside the first Chinese character
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    const out: SseMessage[] = [];
    for await (const m of readSse(body)) out.push(m);
    expect(out).toEqual([{ event: 'survey.scheduled', data: '{"name":"张三"}' }]);
  });
});
