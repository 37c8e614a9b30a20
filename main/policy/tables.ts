/** The decision tables a bundle must contain, by file name. Core asks for them by these names. */
export const REQUIRED_TABLES = ['sla', 'remedies', 'escalation', 'authority'] as const;
export type TableName = (typeof REQUIRED_TABLES)[number];

/** Node kinds a table may use. Function and custom nodes run code, which would make answers non-deterministic. */
export const ALLOWED_NODE_TYPES = new Set(['inputNode', 'outputNode', 'decisionTableNode', 'expressionNode', 'switchNode']);
