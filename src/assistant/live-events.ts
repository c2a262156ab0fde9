// Wakes SSE streams when new events for a conversation are committed. The events themselves
// are always read from the store, so a missed wake-up only delays, never loses, an event.

export interface LiveEvents {
  notify(conversationId: string): void;
  subscribe(conversationId: string, listener: () => void): () => void;
}

export class InMemoryLiveEvents implements LiveEvents {
  private readonly listeners = new Map<string, Set<() => void>>();

  notify(conversationId: string): void {
    for (const listener of this.listeners.get(conversationId) ?? []) listener();
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    let set = this.listeners.get(conversationId);
    if (!set) this.listeners.set(conversationId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(conversationId);
    };
  }
}
