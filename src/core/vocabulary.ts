/** The closed lists of the contract (schemas/event.schema.json and organization.schema.json hold the same). */
export const EVENT_TYPES = ['conference', 'panel-session', 'plenary-session', 'assembly', 'webinar', 'roundtable', 'workshop', 'seminar', 'training', 'meeting', 'summit', 'forum', 'study-visit', 'other'];
export const ROLES = ['welcome-speech', 'opening-remarks', 'keynote', 'presentation', 'panelist', 'moderator', 'chair', 'remarks', 'award', 'other'];
export const ORG_KINDS = ['government', 'international', 'academic', 'association', 'ngo', 'private', 'other'];
/** An event's own format; `hub add-event --format online` takes it (the values never clash with output formats). */
export const EVENT_FORMATS = ['in-person', 'online', 'hybrid'];
