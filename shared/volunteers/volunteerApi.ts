/** REST paths of the volunteer stream, shared so the client and tests never spell them differently. */
export const VolunteerApiPath = {
  /** POST register a volunteer; GET /:id a volunteer with their service record. */
  volunteers: '/api/volunteers',
  /** POST register a team; GET list (regionId). */
  teams: '/api/volunteers/teams',
  /** POST create; GET list; GET /:id with attendances; POST /:id/check-ins, /:id/check-outs, /:id/transitions. */
  activities: '/api/volunteers/activities',
} as const;

/** GET `${regionActivities(regionId)}`: volunteer and service-card indicators of a region and its children. */
export const regionActivitiesPath = (regionId: string) => `/api/regions/${encodeURIComponent(regionId)}/activities`;
