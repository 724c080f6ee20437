// What Slack posts to the interactivity URL when a person presses a button: one shape, shared by
// every Slack driver in the tests, so a change to the real payload is made in one place.

export interface PressedButton {
  action_id: string;
  value: string;
}

export interface Presser {
  user: { id: string; name: string };
  team: string;
  channel: { id: string; name: string };
  triggerId: string;
  responseUrl: string;
}

/** The block_actions payload of pressing `button` on a message in `channel`. */
export function blockActionsPayload(by: Presser, button: PressedButton) {
  return {
    type: "block_actions",
    user: { id: by.user.id, name: by.user.name, username: by.user.name, team_id: by.team },
    team: { id: by.team, domain: "party" },
    channel: by.channel,
    trigger_id: by.triggerId,
    response_url: by.responseUrl,
    actions: [
      {
        type: "button",
        action_id: button.action_id,
        block_id: "row-0",
        value: button.value,
        action_ts: "1",
      },
    ],
    token: "x",
    api_app_id: "A0PARTY",
    container: { type: "message", message_ts: "1", channel_id: by.channel.id },
  };
}
