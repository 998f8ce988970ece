/** Element ids of the graph's nodes and edges, shared by the DOT text, its layout and its presentation. */
export const NODE_ID = (i: number) => `N${i + 1}`;
export const EDGE_ID = (i: number) => `E${i + 1}`;
/** The edge from a node to its k-th label box (of all the graph's). */
export const NODELET_EDGE_ID = (k: number) => `L${k + 1}`;
