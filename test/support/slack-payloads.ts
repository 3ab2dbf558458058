// The payload shapes live with the sandbox, which sends them to the app as Slack does; tests use the same ones.
export * from '../../src/sandbox/slack-payloads.ts';
