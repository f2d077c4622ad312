import { describe, expect, it } from "vitest";
import { notificationChoices } from "./notifications";
import { readUnsubscribeToken, unsubscribeToken } from "./unsubscribe-token";

const USER = "0b7c1b9e-3f0e-4a57-9c55-5d2a4c1f6b11";

describe("notification choices", () => {
  it("are on until chosen otherwise", () => {
    expect(notificationChoices([])).toEqual({ "assessment-due": true, target: true, "action-due": true, "weakest-digest": true });
    expect(notificationChoices([{ kind: "action-due", enabled: false }])).toEqual({
      "assessment-due": true,
      target: true,
      "action-due": false,
      "weakest-digest": true,
    });
  });
});

describe("unsubscribe tokens", () => {
  it("name the person and kind they were made for, signed with the secret", () => {
    const token = unsubscribeToken("secret-one", USER, "assessment-due");
    expect(readUnsubscribeToken("secret-one", token)).toEqual({ userId: USER, kind: "assessment-due" });
    expect(readUnsubscribeToken("secret-two", token)).toBeUndefined();
  });

  it("refuse a token changed to name another kind or person", () => {
    const token = unsubscribeToken("secret-one", USER, "assessment-due");
    expect(readUnsubscribeToken("secret-one", token.replace("assessment-due", "action-due"))).toBeUndefined();
    expect(readUnsubscribeToken("secret-one", token.replace(USER.slice(0, 4), "ffff"))).toBeUndefined();
    expect(readUnsubscribeToken("secret-one", "nonsense")).toBeUndefined();
    expect(readUnsubscribeToken("secret-one", `${USER}.action-due`)).toBeUndefined();
  });
});
