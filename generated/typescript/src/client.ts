// generated from spec/openapi.yaml by `make generate`; do not edit
/** `Retell`: the client, with one property per resource of the spec. */

import { APIClient, type ClientOptions } from "./core.js";
import { CallResource } from "./resources.js";

/**
 * The client of Retell AI - Create Phone Call (spec version 2.0.0).
 *
 * Options default to the environment: `apiKey` to `RETELL_API_KEY`, `baseURL` to
 * `RETELL_BASE_URL`, then to {@link DEFAULT_BASE_URL}. The API key is kept in a private
 * field: `JSON.stringify`, `util.inspect` and error messages never show it.
 */
export class Retell extends APIClient {
  readonly call: CallResource;

  constructor(options: ClientOptions = {}) {
    super(options);
    this.call = new CallResource((operation, params, callOptions) => this.request(operation, params, callOptions));
  }

  /** A new client with these options over this one's (the API key included, unless given). */
  withOptions(options: ClientOptions): Retell {
    return new Retell({ ...this.options(), ...options });
  }
}

export default Retell;
