// generated from spec/openapi.yaml by `make generate`; do not edit
/** `Retell`: the client, with one property per resource of the spec. */

import { APIClient, type ClientOptions } from "./core.js";
import { WidgetsResource } from "./resources.js";

/**
 * The client of Tiny *\/ API "quoted" (spec version 0.0.1).
 *
 * Options default to the environment: `apiKey` to `RETELL_API_KEY`, `baseURL` to
 * `RETELL_BASE_URL`, then to {@link DEFAULT_BASE_URL}. The API key is kept in a private
 * field: `JSON.stringify`, `util.inspect` and error messages never show it.
 */
export class Retell extends APIClient {
  readonly widgets: WidgetsResource;

  constructor(options: ClientOptions = {}) {
    super(options);
    this.widgets = new WidgetsResource((operation, params, callOptions) => this.request(operation, params, callOptions));
  }

  /** A new client with these options over this one's (the API key included, unless given). */
  withOptions(options: ClientOptions): Retell {
    return new Retell({ ...this.options(), ...options });
  }
}

export default Retell;
