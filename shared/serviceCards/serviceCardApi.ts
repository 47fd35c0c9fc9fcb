/** REST paths of the service-card stream. */
export const ServiceCardApiPath = {
  /** POST place an order; GET list; GET /:id with its history; POST /:id/stages. */
  orders: '/api/service-orders',
} as const;
