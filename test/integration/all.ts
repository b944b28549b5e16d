// Every integration suite, imported for its side effect of registering describe() blocks.
// index.ts requires this file after mocha has installed its globals. Add new suites here.
import './smoke.test';
import './extension.test';
import './certifications.test';
import './practice.test';
import './dashboard.test';
import './timer.test';
import './exam.test';
import './team.test';
import './plans.test';
import './sync.test';
import './agentTools.test';
import './reload.test';
import './firstCommands.test';
import './treeRebuilds.test';
