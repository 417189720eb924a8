import { measurePluginStart } from "./pluginStart";
measurePluginStart("/work/wt-plugin/dist/plugin/build/pulumi-resource-ververica", 5).then((r) => console.log(JSON.stringify(r, null, 1)));
