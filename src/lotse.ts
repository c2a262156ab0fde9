import { ConversationService } from './assistant/conversations.ts';
import { createRegionFinder } from './assistant/context.ts';
import type { LiveEvents } from './assistant/live-events.ts';
import type { Config } from './config/config.ts';
import { createApp } from './http/app.ts';
import type { AppDeps } from './http/env.ts';
import type { Logger } from './http/middleware/request-log.ts';
import type { KnowledgeBundle } from './knowledge/types.ts';
import { buildSearchIndex, loadSearchEngine } from './search/index.ts';
import type { Store } from './store/types.ts';
import type { SqlDriver } from './store/driver.ts';
import { EscalationService } from './escalation/service.ts';
import { CannedReplies } from './escalation/canned-replies.ts';
import { caseLabels } from './escalation/labels.ts';
import { parseOfficeHours } from './escalation/office-hours.ts';
import { escalationRoutes } from './http/routes/escalations.ts';
import { staffRoutes } from './http/routes/staff.ts';
import { accessibilityFeedbackRoutes } from './http/routes/accessibility-feedback.ts';
import { ConfigError } from './config/config.ts';

// Assembles the Lotse from its parts. Both entry points (Node, Workers) call this with their
// own store, live-event channel and static-file handler; nothing here touches the runtime.

export type LotseParts = {
  config: Config;
  knowledge: KnowledgeBundle;
  /** A prebuilt index (npm run build:index); built here when absent. */
  index?: object;
  store: Store;
  live: LiveEvents;
  log: Logger;
  clientIp: AppDeps['clientIp'];
  serveStatic?: AppDeps['serveStatic'];
  extend?: AppDeps['extend'];
  compression?: AppDeps['compression'];
  health?: AppDeps['health'];
  storageCheck?: AppDeps['storageCheck'];
};

/** The escalation service over the store's SQL driver (node:sqlite or D1). */
export function createEscalation(config: Config, db: SqlDriver, live: LiveEvents, knowledge: KnowledgeBundle): EscalationService {
  let officeHours;
  try {
    officeHours = parseOfficeHours(config.OFFICE_HOURS, config.OFFICE_TIMEZONE, config.OFFICE_CLOSED_DATES, config.OFFICE_MV_HOLIDAYS);
  } catch (error) {
    throw new ConfigError(`Konfigurationsfehler: OFFICE_HOURS=${JSON.stringify(config.OFFICE_HOURS)} ist ungültig (${(error as Error).message})`);
  }
  return new EscalationService({
    db, live, contacts: knowledge.contacts, officeHours, labels: caseLabels(knowledge),
    settings: {
      remindUnclaimedMinutes: config.REMIND_UNCLAIMED_MINUTES, maxUnclaimedReminders: config.REMIND_UNCLAIMED_MAX, remindSilentMinutes: config.REMIND_SILENT_MINUTES,
      remindAcuteMinutes: config.REMIND_ACUTE_MINUTES, retentionCaseMs: config.RETENTION_CASE_DAYS * 86_400_000,
    },
  });
}

function driverOf(store: Store): SqlDriver | undefined {
  const db = (store as { db?: SqlDriver }).db;
  return db && typeof db.batch === 'function' ? db : undefined;
}

export function createLotse(parts: LotseParts) {
  const { config, knowledge } = parts;
  const index = parts.index ?? buildSearchIndex(knowledge.passages, knowledge.synonyms);
  const engine = loadSearchEngine(index, knowledge.passages, knowledge.synonyms);
  const db = driverOf(parts.store);
  const escalation = db ? createEscalation(config, db, parts.live, knowledge) : undefined;
  const extend = [...(parts.extend ?? [])];
  if (escalation) {
    extend.push(escalationRoutes(escalation));
    // Called while the app is built, when the conversation service below exists.
    extend.push(accessibilityFeedbackRoutes(() => ({
      service, store: parts.store, escalation, clientIp: parts.clientIp, perMinute: config.RATE_LIMIT_CREATE_PER_MINUTE,
    })));
    // The staff API exists only with a staff token; without one, /api/staff/* answers 404.
    if (config.STAFF_TOKEN) {
      extend.push(staffRoutes({
        escalation, staffToken: config.STAFF_TOKEN, live: parts.live, engine: () => engine, threshold: config.CONFIDENCE_SURE,
        articles: knowledge.articles, cannedReplies: new CannedReplies(db!),
        listMessages: (id) => parts.store.listMessages(id),
      }));
    }
  }
  const service = new ConversationService({
    escalation,
    engine,
    knowledge,
    articles: new Map(knowledge.articles.map((a) => [a.id, a])),
    findRegion: createRegionFinder(knowledge.regions),
    threshold: config.CONFIDENCE_THRESHOLD,
    sureThreshold: config.CONFIDENCE_SURE,
    retention: { conversationDays: config.RETENTION_CONVERSATION_DAYS, caseDays: config.RETENTION_CASE_DAYS },
    store: parts.store,
    live: parts.live,
  });
  const app = createApp({
    service,
    store: parts.store,
    live: parts.live,
    knowledge,
    log: parts.log,
    limits: {
      maxMessageChars: config.MAX_MESSAGE_CHARS,
      ipPerMinute: config.RATE_LIMIT_IP_PER_MINUTE,
      conversationPerMinute: config.RATE_LIMIT_CONVERSATION_PER_MINUTE,
      createPerMinute: config.RATE_LIMIT_CREATE_PER_MINUTE,
      embedOrigins: config.EMBED_ORIGINS,
      trustedToken: config.STAFF_TOKEN,
    },
    clientIp: parts.clientIp,
    serveStatic: parts.serveStatic,
    extend,
    compression: parts.compression,
    health: parts.health,
    typingUntil: escalation ? (id) => escalation.typingUntil(id) : undefined,
    storageCheck: parts.storageCheck,
  });
  return { app, engine, service, escalation };
}

export function retentionPolicy(config: Config) {
  return {
    conversationMs: config.RETENTION_CONVERSATION_DAYS * 24 * 3600 * 1000,
    caseMs: config.RETENTION_CASE_DAYS * 24 * 3600 * 1000,
    emptyConversationMs: config.RETENTION_EMPTY_CONVERSATION_HOURS * 3600 * 1000,
  };
}
