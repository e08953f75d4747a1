import { randomInt, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import {
  dlqOf,
  makeEvent,
  topicOf,
  Topics,
  type CommandRejected,
  type Envelope,
  type EventData,
  type EventType,
  type NotificationRequested,
  type SurveyAnswer,
  type SurveyCompleted,
  type CallbackClaimed,
  type CallbackClosed,
  type CallbackNoAnswer,
  type CallbackQueued,
  type SurveyScheduled,
  type SurveyUnsatisfied,
  type SurveyUnreachable,
  type TicketEscalatedToManagement,
  type TicketResolved,
} from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { Client } from 'pg';
import { serviceDatabase } from '@switchboard/persistence';
import { startService, TEST_API_KEY, type RunningService } from './support/service-process';

const DELAY_MS = 1_000;
const MARGIN_MS = 1_500;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VALIDITY_MS = 2 * DAY_MS;
const RETRY_MS = 1_000;

// The customers' night for this run, on a UTC clock: one hour starting three hours from now, so the
// run itself is never inside it while yesterday's night lies in the past, well within the validity window.
const QUIET_START = new Date(Math.ceil((Date.now() + 3 * HOUR_MS) / HOUR_MS) * HOUR_MS);
const hhmm = (d: Date) => d.toISOString().slice(11, 16);
const QUIET_HOURS = `${hhmm(QUIET_START)}-${hhmm(new Date(QUIET_START.getTime() + HOUR_MS))}`;

const infra = testInfra();
const kafka = new Kafka({ clientId: 'callback-e2e', brokers: infra.kafkaBrokers, logLevel: logLevel.NOTHING });
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

let producer: Producer;
let collector: TopicCollector;
let callback: RunningService;
let gateway: RunningService;

beforeAll(async () => {
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  collector = await new TopicCollector(kafka, [Topics.CallbackSurveys, Topics.NotificationsOutbound, dlqOf(Topics.CallbackCommands)]).start();
  callback = await startService('callback', 18140, {
    CALLBACK_DELAY_MS: String(DELAY_MS),
    CALLBACK_POLL_MS: '100',
    CALLBACK_QUIET_HOURS: QUIET_HOURS,
    CALLBACK_TIME_ZONE: 'UTC',
    CALLBACK_VALIDITY_MS: String(VALIDITY_MS),
    // Complaints are called back by an agent (the work queue); a no-answer is tried again after a second.
    CALLBACK_PHONE_KINDS: 'complaint',
    CALLBACK_RETRY_SPACING_MS: String(RETRY_MS),
  });
  gateway = await startService('gateway', 18141);
});

afterAll(async () => {
  await Promise.all([callback.stop(), gateway?.stop()]);
  await collector.stop();
  await producer.disconnect();
});

async function produce<T extends EventType>(type: T, data: EventData<T>, subject: string): Promise<Envelope<T, EventData<T>>> {
  const envelope = makeEvent(type, data, { source: 'test/callback-e2e', subject, time: new Date() });
  await producer.send({
    topic: physicalTopic(topicOf(type)),
    messages: [{ key: subject, value: JSON.stringify(envelope), headers: { 'event-type': type } }],
  });
  return envelope;
}

function events<T>(topic: string, type: string, match: (e: Envelope<string, T>) => boolean): Envelope<string, T>[] {
  return collector.json<Envelope<string, T>>(topic).filter((e) => e.type === type && match(e));
}

function waitForOne<T>(topic: string, type: string, match: (e: Envelope<string, T>) => boolean, what: string): Promise<Envelope<string, T>> {
  return waitFor(() => events<T>(topic, type, match)[0], { message: what });
}

const factOf = (surveyId: string) => waitForOne<CallbackClosed>(Topics.CallbackSurveys, 'callback.closed', (e) => e.data.surveyId === surveyId, `callback.closed for ${surveyId}`);
const scheduledFor = (ticketId: string) => (e: Envelope<string, SurveyScheduled>) => e.subject === ticketId;
const notificationFor = (surveyId: string) => (e: Envelope<string, NotificationRequested>) => e.data.data.surveyId === surveyId;

interface Job {
  ticketId: string;
  region: string;
  phone: string;
  assignmentId: string;
}

function newJob(): Job {
  return { ticketId: randomUUID(), region: `r-${randomUUID().slice(0, 8)}`, phone: `+86 571 ${randomInt(1000, 9999)} ${randomInt(1000, 9999)}`, assignmentId: randomUUID() };
}

async function accept(job: Job, kind: 'repair' | 'complaint' = 'repair', customerId = 'C-1'): Promise<void> {
  const now = new Date().toISOString();
  await produce(
    'ticket.accepted',
    {
      ticketId: job.ticketId,
      source: 'test/callback-e2e',
      externalId: `E-${job.ticketId.slice(0, 8)}`,
      channel: 'phone',
      kind,
      service: 'broadband',
      customerId,
      customerTier: 'standard',
      contact: { name: 'Li Wei', phone: job.phone },
      location: { region: job.region, county: 'xihu', zone: 'xihu-07' },
      reportedAt: now,
      acceptedAt: now,
      owner: 'agent/test/0001',
    },
    job.ticketId,
  );
}

async function complete(job: Job, at = new Date()): Promise<Envelope<'assignment.completed', EventData<'assignment.completed'>>> {
  return produce('assignment.completed', { ticketId: job.ticketId, assignmentId: job.assignmentId, technicianId: 'T-E2E-01', region: job.region, at: at.toISOString(), resolutionCode: 'fixed' }, job.ticketId);
}

async function resolve(job: Job, resolution: TicketResolved['resolution'], at = new Date()) {
  return produce(
    'ticket.resolved',
    { ticketId: job.ticketId, region: job.region, resolution, reply: 'A known outage; fixed by 18:00.', intercepted: true, resolvedAt: at.toISOString() },
    job.ticketId,
  );
}

function answer(surveyId: string, answers: SurveyAnswer['answers']) {
  return produce('survey.answer', { surveyId, answers, at: new Date().toISOString() }, surveyId);
}

function submit(surveyId: string, answers: Record<string, number | string>, questionnaire = 'telecom-4q.v1') {
  return produce('survey.submit-answers', { surveyId, questionnaire, answers, at: new Date().toISOString() }, surveyId);
}

/** The dead letter of a command, by the event id inside its original bytes. */
function waitForDeadLetter(commandId: string) {
  return waitFor(() => collector.messages.find((m) => m.topic === dlqOf(Topics.CallbackCommands) && (JSON.parse(m.value?.toString() ?? '{}') as { id?: string }).id === commandId), {
    message: `the dead letter of ${commandId}`,
  });
}

const api = (path: string, init: RequestInit = {}) => fetch(gateway.url(path), { ...init, headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'application/json' } });
const post = (path: string, body: unknown) => api(path, { method: 'POST', body: JSON.stringify(body) });

interface QueueItem {
  surveyId: string;
  ticketId: string;
  region: string;
  kind: string | null;
  state: string;
  attempt: number;
  dueAt: string;
  claimedBy: string | null;
  contact: { name: string | null; phone: string | null };
}

async function queue(state: 'due' | 'claimed' | 'open', region: string): Promise<QueueItem[]> {
  const res = await api(`/v1/callbacks?state=${state}&region=${region}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: QueueItem[] }).items;
}

/** Waits until the gateway's queue shows the callback as wanted. */
function inQueue(state: 'due' | 'claimed' | 'open', region: string, match: (i: QueueItem) => boolean, what: string): Promise<QueueItem> {
  return waitFor(async () => (await queue(state, region)).find(match), { message: what });
}

function waitForRejection(commandId: string) {
  return waitForOne<CommandRejected>(Topics.CallbackSurveys, 'command.rejected', (e) => e.data.commandId === commandId, `command.rejected for ${commandId}`);
}

describe('callback surveys', () => {
  it('schedules one survey per completion, sends it after the delay, scores the answers, and refuses a second answer', async () => {
    const job = newJob();
    await accept(job);
    const completedAt = new Date();
    const completion = await complete(job, completedAt);
    await complete(job, completedAt); // the same completion again, as another event

    const scheduled = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    expect(scheduled.data).toMatchObject({ ticketId: job.ticketId, region: job.region, channel: 'sms', questionnaire: 'telecom-4q.v1' });
    expect(new Date(scheduled.data.dueAt).getTime()).toBe(completedAt.getTime() + DELAY_MS);
    expect(scheduled.causationId).toBe(completion.id);
    const { surveyId } = scheduled.data;

    const sent = await waitForOne(Topics.NotificationsOutbound, 'notification.requested', notificationFor(surveyId), `the survey ${surveyId} sent`);
    expect(sent.subject).toBe(job.ticketId);
    expect(sent.data).toMatchObject({ ticketId: job.ticketId, channel: 'sms', to: job.phone, template: 'callback.survey', data: { surveyId } });
    expect(sent.data.text).toMatch(/1 to 5/);
    expect(new Date(sent.time).getTime()).toBeGreaterThanOrEqual(new Date(scheduled.data.dueAt).getTime());

    const answers = { contactTimeliness: 4, appointmentKeeping: 4, technicalLevel: 4, serviceAttitude: 4 };
    const first = await answer(surveyId, answers);
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === surveyId, `survey.completed for ${surveyId}`);
    expect(completed.subject).toBe(job.ticketId);
    expect(completed.data).toMatchObject({ ticketId: job.ticketId, region: job.region, answers, score: 90, verdict: 'satisfied', completedAt: first.data.at });
    expect(completed.causationId).toBe(first.id);
    const fact = await factOf(surveyId);
    expect(fact.data).toEqual({
      surveyId,
      ticketId: job.ticketId,
      region: job.region,
      attempt: 1,
      resolution: 'completed',
      resolvedAt: completedAt.toISOString(),
      closedAt: first.data.at,
      channel: 'sms',
      attemptsMade: 1,
      status: 'answered',
      questionnaire: 'telecom-4q.v1',
      score: 90,
      grade: 'qualified',
      verdict: 'satisfied',
      perQuestion: ['contactTimeliness', 'appointmentKeeping', 'technicalLevel', 'serviceAttitude'].map((questionId) => ({ questionId, percent: 90 })),
      followUp: 'closed',
    });

    const second = await answer(surveyId, { ...answers, serviceAttitude: 1 });
    const rejected = await waitForRejection(second.id);
    expect(rejected.subject).toBe(surveyId);
    expect(rejected.data).toMatchObject({ commandType: 'survey.answer', code: 'SURVEY.ALREADY_ANSWERED', ticketId: job.ticketId });

    await sleep(MARGIN_MS);
    expect(events(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId))).toHaveLength(1);
    expect(events(Topics.NotificationsOutbound, 'notification.requested', notificationFor(surveyId))).toHaveLength(1);
    expect(events<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === surveyId)).toHaveLength(1);
  });

  it('finds the customer unsatisfied when one answer is average, though the score is above 90', async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    const { data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);

    await answer(data.surveyId, { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 3, serviceAttitude: 5 });
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.data).toMatchObject({ score: 92.5, verdict: 'unsatisfied' });
  });

  it("takes a customer's text reply through the inbound SMS webhook: matched by number, read digit by digit, scored once however often delivered", async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    const { data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    const inbound = (messageId: string, from: string, text: string) => post('/v1/webhooks/sms/inbound', { messageId, from, text, receivedAt: new Date().toISOString() });

    // Unreadable: refused in the ticket's timeline, the customer asked again, the survey still open.
    const garbled = await inbound(`m-${randomUUID()}`, job.phone, 'great service!');
    expect(garbled.status).toBe(202);
    const { commandId: garbledId } = (await garbled.json()) as { commandId: string };
    const refused = await waitForRejection(garbledId);
    expect(refused.data).toMatchObject({ commandType: 'survey.sms-reply', code: 'SURVEY_ANSWER.BAD_REPLY', ticketId: job.ticketId });
    const askedAgain = await waitForOne<NotificationRequested>(
      Topics.NotificationsOutbound,
      'notification.requested',
      (e) => e.data.template === 'callback.survey-reply-unreadable' && e.data.ticketId === job.ticketId,
      'the customer asked again',
    );
    expect(askedAgain.data).toMatchObject({ to: job.phone, channel: 'sms', data: { surveyId: data.surveyId } });

    // Read: the number written differently by the provider, one digit per question, delivered twice.
    const messageId = `m-${randomUUID()}`;
    const from = job.phone.replace(/ /g, '');
    const first = await inbound(messageId, from, '5 5, 4-5');
    const again = await inbound(messageId, from, '5 5, 4-5');
    const sent = (await first.json()) as { commandId: string; status: string };
    expect(sent.status).toBe('sent');
    expect(((await again.json()) as { commandId: string }).commandId).toBe(sent.commandId);
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.data).toMatchObject({ answers: { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 }, score: 97.5, verdict: 'satisfied' });
    expect(completed.causationId).toBe(sent.commandId);
    await new Promise((r) => setTimeout(r, 500));
    expect(events(Topics.CallbackSurveys, 'survey.completed', (e: Envelope<string, SurveyCompleted>) => e.data.surveyId === data.surveyId)).toHaveLength(1);

    // A number no survey waits for: refused, nothing answered.
    const stranger = await inbound(`m-${randomUUID()}`, '+86 571 0000 0000', '5555');
    const { commandId: strangerId } = (await stranger.json()) as { commandId: string };
    expect((await waitForRejection(strangerId)).data).toMatchObject({ commandType: 'survey.sms-reply', code: 'SURVEY.NO_OPEN_SURVEY' });

    // The documented format is enforced at the door.
    const bad = await post('/v1/webhooks/sms/inbound', { messageId: 'x', from: 'not a number', text: '5555' });
    expect(bad.status).toBe(422);
    const reasons = ((await bad.json()) as { reasons: { path: string }[] }).reasons.map((r) => r.path).sort();
    expect(reasons).toEqual(['from', 'receivedAt']);
  });

  it('refuses answers at the door with the questionnaire\'s own codes, one per question', async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    const { data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    const res = await post(`/v1/surveys/${data.surveyId}/answers`, { answers: { contactTimeliness: 6, appointmentKeeping: 'good', technicalLevel: 5, speed: 5 } });
    expect(res.status).toBe(422);
    const reasons = ((await res.json()) as { reasons: { path: string; code: string }[] }).reasons;
    expect(reasons.map((r) => `${r.path} ${r.code}`).sort()).toEqual([
      'answers.appointmentKeeping SURVEY_ANSWER.WRONG_TYPE',
      'answers.contactTimeliness SURVEY_ANSWER.OUT_OF_RANGE',
      'answers.serviceAttitude SURVEY_ANSWER.MISSING_ANSWER',
      'answers.speed SURVEY_ANSWER.UNKNOWN_QUESTION',
    ]);
  });

  it("sends an email survey to a customer who prefers email, in their own time zone, and reads the emailed reply's first own line", async () => {
    const job = newJob();
    const customerId = `C-${randomUUID().slice(0, 8)}`;
    const email = `${customerId.toLowerCase()}@example.com`;
    // The gateway refuses what callback could not use, with a reason per field.
    const refused = await api(`/v1/customers/${customerId}/contact-preferences`, { method: 'PUT', body: JSON.stringify({ timeZone: 'Mars/Olympus', callbackChannel: 'email' }) });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { reasons: { path: string }[] }).reasons.map((r) => r.path).sort()).toEqual(['email', 'timeZone']);

    const put = await api(`/v1/customers/${customerId}/contact-preferences`, { method: 'PUT', body: JSON.stringify({ email, timeZone: 'Asia/Urumqi', callbackChannel: 'email' }) });
    expect(put.status).toBe(202);
    expect(await put.json()).toMatchObject({ customerId, status: 'sent' });
    // Callback has taken the preferences before this customer's ticket is resolved.
    const db = new Client({ connectionString: serviceDatabase(infra.databaseUrl, 'callback', 'sb_callback_local').url });
    await db.connect();
    let data: SurveyScheduled;
    try {
      await waitFor(async () => (await db.query('SELECT 1 FROM customer_preferences WHERE customer_id = $1', [customerId])).rowCount === 1, { message: `callback to record ${customerId}'s preferences` });
      await accept(job, 'repair', customerId);
      await waitFor(async () => (await db.query('SELECT 1 FROM tickets WHERE ticket_id = $1', [job.ticketId])).rowCount === 1, { message: `callback to know ticket ${job.ticketId}` });
      await complete(job);
      ({ data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`));
      expect(data.channel).toBe('email');
      const [row] = (await db.query<{ time_zone: string }>('SELECT time_zone FROM surveys WHERE id = $1', [data.surveyId])).rows;
      expect(row!.time_zone).toBe('Asia/Urumqi');
    } finally {
      await db.end();
    }
    const invitation = await waitForOne<NotificationRequested>(Topics.NotificationsOutbound, 'notification.requested', (e) => e.data.data.surveyId === data.surveyId, `the email survey for ${job.ticketId}`);
    expect(invitation.data).toMatchObject({ channel: 'email', to: email, template: 'callback.survey-email' });
    expect(invitation.data.text).toContain('reply to this email with four digits');

    const inbound = (messageId: string, from: string, text: string) => post('/v1/webhooks/email/inbound', { messageId, from, subject: 'Re: How did we do?', text, receivedAt: new Date().toISOString() });
    // Only the quoted invitation: unreadable, refused in the timeline, asked again by email.
    const quoted = await inbound(`<${randomUUID()}@mail>`, email, 'On Tue, Switchboard wrote:\n> Example: 5 5 4 5.');
    const { commandId: quotedId } = (await quoted.json()) as { commandId: string };
    expect((await waitForRejection(quotedId)).data).toMatchObject({ commandType: 'survey.email-reply', code: 'SURVEY_ANSWER.BAD_REPLY', ticketId: job.ticketId });
    await waitForOne<NotificationRequested>(
      Topics.NotificationsOutbound,
      'notification.requested',
      (e) => e.data.template === 'callback.survey-reply-unreadable' && e.data.ticketId === job.ticketId && e.data.channel === 'email' && e.data.to === email,
      'the customer asked again by email',
    );

    // The answer on the first line, the address in other letters, the invitation quoted below.
    const reply = await inbound(`<${randomUUID()}@mail>`, email.toUpperCase(), '4 5 5 5\nThank you!\n\nOn Tue, Switchboard wrote:\n> Example: 5 5 4 5.');
    expect(reply.status).toBe(202);
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.data).toMatchObject({ answers: { contactTimeliness: 4, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 }, verdict: 'satisfied' });

    // An address no email survey waits for: refused.
    const stranger = await inbound(`<${randomUUID()}@mail>`, 'nobody@example.com', '5555');
    const { commandId: strangerId } = (await stranger.json()) as { commandId: string };
    expect((await waitForRejection(strangerId)).data).toMatchObject({ commandType: 'survey.email-reply', code: 'SURVEY.NO_OPEN_SURVEY' });
  });

  it('rejects an answer to an unknown survey with SURVEY.NOT_FOUND', async () => {
    const surveyId = randomUUID();
    const command = await answer(surveyId, { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 });

    const rejected = await waitForRejection(command.id);
    expect(rejected.subject).toBe(surveyId);
    expect(rejected.data).toMatchObject({ commandType: 'survey.answer', code: 'SURVEY.NOT_FOUND' });
    expect(rejected.data.ticketId).toBeUndefined();
  });

  it('schedules a survey for a completion that arrives before the ticket, and sends it once the contact is known', async () => {
    const job = newJob();
    await complete(job);
    const scheduled = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    const { surveyId, dueAt } = scheduled.data;
    await sleep(Math.max(0, new Date(dueAt).getTime() + MARGIN_MS - Date.now()));
    expect(events(Topics.NotificationsOutbound, 'notification.requested', notificationFor(surveyId))).toHaveLength(0);

    await accept(job);
    const sent = await waitForOne<NotificationRequested>(Topics.NotificationsOutbound, 'notification.requested', notificationFor(surveyId), `the survey ${surveyId} sent`);
    expect(sent.data.to).toBe(job.phone);
  });

  it('calls back a ticket intake resolved without a technician, once however often the resolution arrives', async () => {
    const job = newJob();
    await accept(job);
    const resolvedAt = new Date();
    const resolution = await resolve(job, 'answered-by-known-issue', resolvedAt);
    await resolve(job, 'answered-by-known-issue', resolvedAt); // the same resolution again, as another event

    const scheduled = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    expect(scheduled.data).toMatchObject({ ticketId: job.ticketId, region: job.region, channel: 'sms', questionnaire: 'telecom-4q.v1' });
    expect(new Date(scheduled.data.dueAt).getTime()).toBe(resolvedAt.getTime() + DELAY_MS);
    expect(scheduled.causationId).toBe(resolution.id);
    const sent = await waitForOne<NotificationRequested>(Topics.NotificationsOutbound, 'notification.requested', notificationFor(scheduled.data.surveyId), `the survey ${scheduled.data.surveyId} sent`);
    expect(sent.data.to).toBe(job.phone);

    await answer(scheduled.data.surveyId, { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 });
    await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === scheduled.data.surveyId, `survey.completed for ${scheduled.data.surveyId}`);
    expect((await factOf(scheduled.data.surveyId)).data).toMatchObject({ resolution: 'answered-by-known-issue', resolvedAt: resolvedAt.toISOString(), status: 'answered' });
    await sleep(MARGIN_MS);
    expect(events(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId))).toHaveLength(1);
  });

  it('gives a held ticket completed on site and then resolved by intake one callback, not two', async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    await resolve(job, 'known-issue-closed');
    await sleep(MARGIN_MS);
    expect(events(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId))).toHaveLength(1);
  });

  it('never sends a survey in the customer\'s night: a resolution whose delay ends inside quiet hours falls due at their end', async () => {
    const job = newJob();
    await accept(job);
    // Yesterday, ten minutes into the night: the delay ends inside it.
    const nightStart = new Date(QUIET_START.getTime() - DAY_MS);
    const resolvedAt = new Date(nightStart.getTime() + 10 * 60_000);
    await resolve(job, 'resolved-remotely', resolvedAt);

    const scheduled = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    expect(scheduled.data.dueAt).toBe(new Date(nightStart.getTime() + HOUR_MS).toISOString());
    // Past due now (yesterday's night is over): it goes out at once.
    await waitForOne(Topics.NotificationsOutbound, 'notification.requested', notificationFor(scheduled.data.surveyId), `the survey ${scheduled.data.surveyId} sent`);
  });

  it('closes a callback unanswered at the end of its validity window as unreachable, and refuses a late answer', async () => {
    const job = newJob();
    await accept(job);
    const completedAt = new Date(Date.now() - VALIDITY_MS - HOUR_MS);
    await complete(job, completedAt);

    const scheduled = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);
    const { surveyId } = scheduled.data;
    const closed = await waitForOne<SurveyUnreachable>(Topics.CallbackSurveys, 'survey.unreachable', (e) => e.data.surveyId === surveyId, `survey.unreachable for ${surveyId}`);
    expect(closed.subject).toBe(job.ticketId);
    expect(closed.data).toEqual({ surveyId, ticketId: job.ticketId, region: job.region, attempts: 0, reason: 'validity-window-elapsed', closedAt: new Date(completedAt.getTime() + VALIDITY_MS).toISOString() });
    expect((await factOf(surveyId)).data).toMatchObject({ status: 'unreachable', attemptsMade: 0, channel: 'sms', perQuestion: [], closedAt: closed.data.closedAt });

    const late = await answer(surveyId, { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 });
    const rejected = await waitForRejection(late.id);
    expect(rejected.data).toMatchObject({ code: 'SURVEY.CLOSED', ticketId: job.ticketId });
    await sleep(MARGIN_MS);
    expect(events(Topics.NotificationsOutbound, 'notification.requested', notificationFor(surveyId))).toHaveLength(0);
    expect(events(Topics.CallbackSurveys, 'survey.unreachable', (e: Envelope<string, SurveyUnreachable>) => e.data.surveyId === surveyId)).toHaveLength(1);
    expect(events(Topics.CallbackSurveys, 'survey.completed', (e: Envelope<string, SurveyCompleted>) => e.data.surveyId === surveyId)).toHaveLength(0);
  });

  it('scores answers of any questionnaire version by the survey\'s own questionnaire', async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    const { data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);

    const command = await submit(data.surveyId, { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 });
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.causationId).toBe(command.id);
    expect(completed.data).toMatchObject({ answers: { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 }, score: 97.5, verdict: 'satisfied' });
  });

  it('dead-letters answers the questionnaire cannot score with a reason per field, and still takes good ones after', async () => {
    const job = newJob();
    await accept(job);
    await complete(job);
    const { data } = await waitForOne<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId), `survey.scheduled for ${job.ticketId}`);

    const bad = await submit(data.surveyId, { contactTimeliness: 6, appointmentKeeping: 5, technicalLevel: 'good', speed: 5 });
    const dead = await waitForDeadLetter(bad.id);
    const reason = dead.headers['dlq-reason']!;
    expect(reason).toMatch(/^handler-failed: SURVEY_ANSWER\./);
    expect(reason).toContain('speed: SURVEY_ANSWER.UNKNOWN_QUESTION');
    expect(reason).toContain('contactTimeliness: SURVEY_ANSWER.OUT_OF_RANGE contactTimeliness takes 1 to 5, got 6');
    expect(reason).toContain('technicalLevel: SURVEY_ANSWER.WRONG_TYPE');
    expect(reason).toContain('serviceAttitude: SURVEY_ANSWER.MISSING_ANSWER');

    const other = await submit(data.surveyId, { knowledge: 5 }, 'contractor-5part.v1');
    expect((await waitForDeadLetter(other.id)).headers['dlq-reason']).toContain('SURVEY_ANSWER.WRONG_QUESTIONNAIRE');

    await submit(data.surveyId, { contactTimeliness: 2, appointmentKeeping: 5, technicalLevel: 5, serviceAttitude: 5 });
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.data).toMatchObject({ score: 87.5, verdict: 'unsatisfied' });
    expect(events(Topics.CallbackSurveys, 'survey.completed', (e: Envelope<string, SurveyCompleted>) => e.data.surveyId === data.surveyId)).toHaveLength(1);
  });

  it('reopens after each unsatisfied callback until the attempt limit, where it escalates to management instead', async () => {
    const job = newJob();
    await accept(job);
    const unhappy = { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 2, serviceAttitude: 5 };
    const surveys: string[] = [];
    for (let round = 1; round <= 3; round++) {
      // Each round's fix is a new assignment, completed after the reopening.
      await complete({ ...job, assignmentId: randomUUID() });
      const scheduled = await waitFor(() => events<SurveyScheduled>(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId))[round - 1], { message: `survey ${round} of ${job.ticketId}` });
      surveys.push(scheduled.data.surveyId);
      await answer(scheduled.data.surveyId, unhappy);
      await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === scheduled.data.surveyId, `survey.completed ${round}`);
      if (round < 3) await waitForOne<SurveyUnsatisfied>(Topics.CallbackSurveys, 'survey.unsatisfied', (e) => e.data.surveyId === scheduled.data.surveyId, `survey.unsatisfied ${round}`);
    }
    const escalated = await waitForOne<TicketEscalatedToManagement>(Topics.CallbackSurveys, 'ticket.escalated-to-management', (e) => e.subject === job.ticketId, `ticket.escalated-to-management for ${job.ticketId}`);
    expect(escalated.data).toMatchObject({ ticketId: job.ticketId, attempts: 3, reason: 'callback-attempts-exhausted', surveyId: surveys[2], score: 87.5 });
    const facts = await Promise.all(surveys.map(factOf));
    expect(facts.map((f) => [f.data.attempt, f.data.verdict, f.data.followUp])).toEqual([
      [1, 'unsatisfied', 'reopened'],
      [2, 'unsatisfied', 'reopened'],
      [3, 'unsatisfied', 'escalated'],
    ]);
    const unsatisfied = events<SurveyUnsatisfied>(Topics.CallbackSurveys, 'survey.unsatisfied', (e) => e.subject === job.ticketId);
    expect(unsatisfied.map((e) => [e.data.surveyId, e.data.attempt])).toEqual([
      [surveys[0], 1],
      [surveys[1], 2],
    ]);
  });

  it('puts a complaint\'s callback in the agents\' phone queue, retries a no-answer and closes it unreachable at the attempt limit', async () => {
    const job = newJob();
    await accept(job, 'complaint');
    await waitFor(async () => ((await api(`/v1/tickets/${job.ticketId}`)).status === 200 ? true : undefined), { message: `the ticket ${job.ticketId} in the read model` });
    await complete(job);
    const queued = await waitForOne<CallbackQueued>(Topics.CallbackSurveys, 'callback.queued', (e) => e.subject === job.ticketId, `callback.queued for ${job.ticketId}`);
    const { surveyId } = queued.data;
    expect(queued.data).toMatchObject({ ticketId: job.ticketId, attempt: 1, questionnaire: 'telecom-4q.v1', deferredForQuietHours: false });
    expect(events(Topics.CallbackSurveys, 'survey.scheduled', scheduledFor(job.ticketId))).toHaveLength(0);

    for (let attempt = 1; attempt <= 3; attempt++) {
      const due = await inQueue('due', job.region, (i) => i.surveyId === surveyId && i.attempt === attempt, `attempt ${attempt} due in the queue`);
      expect(due).toMatchObject({ ticketId: job.ticketId, kind: 'complaint', state: 'queued', claimedBy: null, contact: { name: 'Li Wei', phone: job.phone } });
      expect((await post(`/v1/callbacks/${surveyId}/outcome`, { outcome: 'no-answer' })).status).toBe(409); // not claimed yet
      expect((await post(`/v1/callbacks/${surveyId}/claim`, {})).status).toBe(202);
      await waitForOne<CallbackClaimed>(Topics.CallbackSurveys, 'callback.claimed', (e) => e.data.surveyId === surveyId && e.data.attempt === attempt, `callback.claimed ${attempt}`);
      const claimed = await inQueue('claimed', job.region, (i) => i.surveyId === surveyId, `attempt ${attempt} claimed`);
      expect(claimed.claimedBy).toEqual(expect.any(String));
      expect((await queue('due', job.region)).map((i) => i.surveyId)).not.toContain(surveyId);

      const recorded = await post(`/v1/callbacks/${surveyId}/outcome`, { outcome: 'no-answer' });
      expect(recorded.status).toBe(202);
      const noAnswer = await waitForOne<CallbackNoAnswer>(Topics.CallbackSurveys, 'callback.no-answer', (e) => e.data.surveyId === surveyId && e.data.attempt === attempt, `callback.no-answer ${attempt}`);
      expect(noAnswer.data.next).toBe(attempt < 3 ? 'retry' : 'close-unreachable');
      if (attempt < 3) {
        const retry = await waitForOne<CallbackQueued>(Topics.CallbackSurveys, 'callback.queued', (e) => e.data.surveyId === surveyId && e.data.attempt === attempt + 1, `retry ${attempt + 1}`);
        expect(new Date(retry.data.dueAt).getTime()).toBe(new Date(noAnswer.data.at).getTime() + RETRY_MS);
      }
    }
    const closed = await waitForOne<SurveyUnreachable>(Topics.CallbackSurveys, 'survey.unreachable', (e) => e.data.surveyId === surveyId, `survey.unreachable for ${surveyId}`);
    expect(closed.data).toMatchObject({ attempts: 3, reason: 'attempt-limit-reached' });
    expect((await factOf(surveyId)).data).toMatchObject({ status: 'unreachable', channel: 'phone', attemptsMade: 3, resolution: 'completed' });
    const ticket = await waitFor(
      async () => {
        const view = (await (await api(`/v1/tickets/${job.ticketId}`)).json()) as { ticket: { survey: { state: string } | null }; timeline: { type: string }[] };
        return view.ticket.survey?.state === 'unreachable' ? view : undefined;
      },
      { message: 'the ticket\'s survey unreachable' },
    );
    const types = ticket.timeline.map((e) => e.type);
    expect(types.filter((t) => t === 'callback.queued')).toHaveLength(3);
    expect(types.filter((t) => t === 'callback.no-answer')).toHaveLength(3);
    expect(types).toContain('survey.unreachable');
    const late = await post(`/v1/callbacks/${surveyId}/claim`, {});
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: string }).error).toBe('CALLBACK.CLOSED');
  });

  it('takes the customer\'s answers on the phone, scores them and closes the ticket; one agent per callback', async () => {
    const job = newJob();
    await accept(job, 'complaint');
    await complete(job);
    const { data } = await waitForOne<CallbackQueued>(Topics.CallbackSurveys, 'callback.queued', (e) => e.subject === job.ticketId, `callback.queued for ${job.ticketId}`);
    await inQueue('due', job.region, (i) => i.surveyId === data.surveyId, 'the callback due');

    expect((await post(`/v1/callbacks/${randomUUID()}/claim`, {})).status).toBe(404);
    expect((await post(`/v1/callbacks/${data.surveyId}/outcome`, { outcome: 'answered' })).status).toBe(422); // answers missing
    expect((await post(`/v1/callbacks/${data.surveyId}/claim`, {})).status).toBe(202);
    await waitForOne<CallbackClaimed>(Topics.CallbackSurveys, 'callback.claimed', (e) => e.data.surveyId === data.surveyId, 'callback.claimed');
    // Another agent (straight onto Kafka) is refused: the callback is taken.
    const other = await produce('callback.claim', { surveyId: data.surveyId, agent: 'callback/other/0001', at: new Date().toISOString() }, data.surveyId);
    expect((await waitForRejection(other.id)).data).toMatchObject({ code: 'CALLBACK.ALREADY_CLAIMED', ticketId: job.ticketId });

    const answers = { contactTimeliness: 5, appointmentKeeping: 5, technicalLevel: 4, serviceAttitude: 5 };
    expect((await post(`/v1/callbacks/${data.surveyId}/outcome`, { outcome: 'answered', answers, comment: 'fixed at last' })).status).toBe(202);
    const completed = await waitForOne<SurveyCompleted>(Topics.CallbackSurveys, 'survey.completed', (e) => e.data.surveyId === data.surveyId, `survey.completed for ${data.surveyId}`);
    expect(completed.data).toMatchObject({ ticketId: job.ticketId, answers, score: 97.5, verdict: 'satisfied' });
    expect((await factOf(data.surveyId)).data).toMatchObject({ status: 'answered', channel: 'phone', attemptsMade: 1, score: 97.5, grade: 'excellent', followUp: 'closed' });
    await waitFor(async () => ((await queue('open', job.region)).some((i) => i.surveyId === data.surveyId) ? undefined : true), { message: 'the callback out of the queue' });
    const view = (await (await api(`/v1/tickets/${job.ticketId}`)).json()) as { ticket: { survey: { surveyId: string; state: string; verdict: string } } };
    expect(view.ticket.survey).toMatchObject({ surveyId: data.surveyId, state: 'completed', verdict: 'satisfied' });
  });

  it('stops on SIGTERM within 10 s with its survey sender, exit code 0, no failed pass logged', async () => {
    const { code, ms } = await callback.stop();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(callback.logs.filter((l) => (JSON.parse(l) as { msg: string }).msg.endsWith('pass failed'))).toEqual([]);
  });
});
