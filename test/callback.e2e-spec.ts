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
  type SurveyScheduled,
  type SurveyUnreachable,
  type TicketResolved,
} from '@switchboard/contracts';
import { physicalTopic } from '@switchboard/messaging';
import { testInfra, TopicCollector, waitFor } from '@switchboard/testing';
import { startService, type RunningService } from './support/service-process';

const DELAY_MS = 1_000;
const MARGIN_MS = 1_500;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const VALIDITY_MS = 2 * DAY_MS;

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
  });
});

afterAll(async () => {
  await callback.stop();
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

async function accept(job: Job): Promise<void> {
  const now = new Date().toISOString();
  await produce(
    'ticket.accepted',
    {
      ticketId: job.ticketId,
      source: 'test/callback-e2e',
      externalId: `E-${job.ticketId.slice(0, 8)}`,
      channel: 'phone',
      kind: 'repair',
      service: 'broadband',
      customerId: 'C-1',
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

  it('stops on SIGTERM within 10 s with its survey sender, exit code 0, no failed pass logged', async () => {
    const { code, ms } = await callback.stop();
    expect(code).toBe(0);
    expect(ms).toBeLessThan(10_000);
    expect(callback.logs.filter((l) => (JSON.parse(l) as { msg: string }).msg.endsWith('pass failed'))).toEqual([]);
  });
});
