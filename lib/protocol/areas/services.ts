/** The services catalogue, engagements and purchases. */
export const serviceMessages = {} as const;
