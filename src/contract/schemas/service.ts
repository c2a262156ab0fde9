import { z } from '@hono/zod-openapi';
import { EDITORIAL_STATUSES } from '../vocabulary.ts';

// Health and the knowledge articles: what operators and embedders read.

export const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  since: z.string().optional(),
  matrix: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Zustand des Matrix-Bots im selben Prozess; macht die Antwort nie zum Fehler' }),
  store: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Node: Größe der Datenbank und des WAL, letzte Löschung nach Frist' }),
  disk: z.record(z.string(), z.unknown()).optional().openapi({ description: 'Node: freier Speicherplatz des Datenverzeichnisses, beschreibbar oder nicht' }),
}).openapi('Health');

export const ArticlesSchema = z.object({
  articles: z.array(z.object({
    id: z.string(), title: z.string(), summary: z.string(), stand: z.string(), reviewDue: z.string(), status: z.enum(EDITORIAL_STATUSES),
    approval: z.object({ name: z.string(), function: z.string(), date: z.string() }).optional(),
    url: z.string(),
  })),
}).openapi('Articles');

export const ArticleParams = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' } }) });

export const Html = { content: { 'text/html': { schema: z.string() } } };
export const EventStream = {
  content: {
    'text/event-stream': {
      schema: z.string().openapi({
        description: 'Server-Sent Events, id = Cursor für Last-Event-ID: ready; message (Message); '
          + 'message.corrected (Message mit editedAt und der aktuellen Fassung, staffName); message.withdrawn ({id, text, withdrawnAt}); case (PublicCase); '
          + 'conversation ({role}: das Arbeitsfeld wurde geändert, auch in einem anderen Tab). '
          + 'Ohne id und nie wiederholt: typing ({typing: true, forMs} oder {typing: false}) – die Fachkraft schreibt gerade.',
      }),
    },
  },
};
