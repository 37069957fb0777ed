/**
 * Stand-in for Odoo's `@web/core/utils/hooks`: `useService(name)` returns the started service
 * from the component's env, and throws for an unknown one, as Odoo does.
 */
import { useEnv } from "@odoo/owl";

export function useService(serviceName: string): any {
    const { services } = useEnv() as { services: Record<string, unknown> };
    if (!(serviceName in services)) throw new Error(`Service ${serviceName} is not available`);
    return services[serviceName];
}
