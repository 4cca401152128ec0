/** A query Salesforce would refuse, with the errorCode the REST API answers with. */
export class SoqlError extends Error {
  readonly errorCode: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' | 'INVALID_QUERY_FILTER_OPERATOR';

  constructor(errorCode: SoqlError['errorCode'], message: string) {
    super(message);
    this.name = 'SoqlError';
    this.errorCode = errorCode;
  }
}
