/** What an address is for: `partial` when it covers only some of the loaded snapshots (a link embedding just them). */
export interface PartScope {
  partial: boolean;
}

/**
 * Another store's share of the address (flame graph zoom, search…): its parameters and how to restore
 * them. `apply` gets untrusted values and ignores those it cannot use.
 */
export interface AddressPart {
  params(scope?: PartScope): Record<string, string>;
  apply(params: Record<string, string>): void;
  subscribe(listener: () => void): () => void;
}
