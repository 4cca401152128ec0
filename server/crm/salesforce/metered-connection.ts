import { Connection, type HttpRequest, type StreamPromise } from 'jsforce';

/**
 * A jsforce Connection that counts the REST calls it makes (token calls go through OAuth2 and
 * are not API calls) and knows whether a call succeeded since the last session refresh, so a
 * session that is rejected again right after a refresh is not refreshed in a loop.
 */
export class MeteredConnection extends Connection {
  requestCount = 0;
  refreshesSinceSuccess = 0;

  override request<R = unknown>(request: string | HttpRequest, options: object = {}): StreamPromise<R> {
    this.requestCount += 1;
    const pending = super.request<R>(request, options);
    pending.then(
      () => {
        this.refreshesSinceSuccess = 0;
      },
      () => undefined,
    );
    return pending;
  }
}
