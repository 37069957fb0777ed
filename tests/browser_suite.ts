// Component and widget tests, in headless Chromium, on the @web/* stand-in.
import "./browser/components.test";
import "./browser/widgets.test";
import "./browser/box_actions.test";
import "./browser/fleet_summary.test";
import "./browser/views.test";
import "./browser/fleet_views.test";
import "./browser/permission.test";
import "./browser/device_check.test";
