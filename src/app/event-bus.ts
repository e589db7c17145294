// The core's one event stream: services publish, transports (IPC, WebSocket) subscribe.
import type { AppEvent } from '../shared/app-contract';

export class EventBus {
  private readonly listeners = new Set<(e: AppEvent) => void>();

  publish(event: AppEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A broken subscriber (a closed socket, say) must not stop the others.
      }
    }
  }

  subscribe(listener: (e: AppEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }
}
