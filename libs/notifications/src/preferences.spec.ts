import { DomainError } from '@app/common';
import { NOTIFIED_EVENT_TYPES, NOTIFIED_EVENTS } from './events';
import { assertValidPreference, channelPlan } from './preferences';

describe('notification preferences', () => {
  it('sends email now and to the inbox by default', () => {
    expect(channelPlan()).toEqual({ inbox: true, email: 'now' });
  });

  it('gathers email into the digest when asked', () => {
    expect(channelPlan({ email: true, inbox: false, emailDigest: true })).toEqual({
      inbox: false,
      email: 'digest',
    });
  });

  it.each(NOTIFIED_EVENT_TYPES)(
    '%s: everything off is refused only when it asks to act',
    (type) => {
      const off = () =>
        assertValidPreference(type, { email: false, inbox: false, emailDigest: false });
      if (NOTIFIED_EVENTS[type].awaitsAction) {
        expect(off).toThrow(expect.objectContaining({ code: 'ACTION_NOTICE_REQUIRED' }));
      } else {
        expect(off).not.toThrow();
      }
      expect(() =>
        assertValidPreference(type, { email: false, inbox: true, emailDigest: false }),
      ).not.toThrow();
    },
  );

  it('refuses a digest without email', () => {
    expect(() =>
      assertValidPreference('nomination.approved', {
        email: false,
        inbox: true,
        emailDigest: true,
      }),
    ).toThrow(DomainError);
  });
});
