let state0_0;
let state1_0 = '';
function helper0_1_0(input0_1_0) {
  state1_0 += input0_1_0.line;
}
exports.handler0 = async (event, context) => {
  helper0_1_0(event);
  return { statusCode: 200 };
};
let state0_1 = [];
let state1_1 = '';
function helper1_1_1(input1_1_1) {
  helper1_2_1(input1_1_1);
}
function helper1_2_1(input1_2_1) {
  state0_1.push(input1_2_1.id);
}
exports.handler1 = async (event, context) => {
  [1].forEach((item0_1_1) => {
    Promise.resolve(2).then(function (item0_2_1) {
      state1_1 += event.line;
    });
  });
  helper1_1_1(event);
  [1].forEach((item2_1_1) => {
    Promise.resolve(2).then(function (item2_2_1) {
      state1_1 += event.line;
    });
  });
  return { statusCode: 200 };
};
let state0_2;
let state1_2 = new Map();
function helper2_1_2(input2_1_2) {
  state0_2 ||= [];
  state0_2.unshift(input2_1_2.id);
}
function helper3_1_2(input3_1_2) {
  helper3_2_2(input3_1_2);
}
function helper3_2_2(input3_2_2) {
  helper3_3_2(input3_2_2);
}
function helper3_3_2(input3_3_2) {
  const alias3_2 = state1_2;
  alias3_2.set(input3_3_2.id, Date.now());
}
exports.handler2 = async (event, context) => {
  state1_2.set(event.id, Date.now());
  [1].forEach((item1_1_2) => {
    Promise.resolve(2).then(function (item1_2_2) {
      [3].forEach((item1_3_2) => {
        state1_2.set(event.id, Date.now());
      });
    });
  });
  helper2_1_2(event);
  helper3_1_2(event);
  return { statusCode: 200 };
};
let state0_3;
let state1_3 = new Set();
let state2_3 = 0;
function helper2_1_3(input2_1_3) {
  helper2_2_3(input2_1_3);
}
function helper2_2_3(input2_2_3) {
  helper2_3_3(input2_2_3);
}
function helper2_3_3(input2_3_3) {
  if (!state0_3) state0_3 = new Map();
  state0_3.set(input2_3_3.id, Date.now());
}
exports.handler3 = async (event, context) => {
  const alias0_3 = state1_3;
  alias0_3.add(event.id);
  [1].forEach((item1_1_3) => {
    state1_3.add(event.id);
  });
  helper2_1_3(event);
  [1].forEach((item3_1_3) => {
    Promise.resolve(2).then(function (item3_2_3) {
      state1_3.add(event.id);
    });
  });
  return { statusCode: 200 };
};
function unrelated0_3(value) {
  return value + 1;
}
let state0_4;
let state1_4 = [];
let state2_4 = '';
function helper0_1_4(input0_1_4) {
  helper0_2_4(input0_1_4);
}
function helper0_2_4(input0_2_4) {
  helper0_3_4(input0_2_4);
}
function helper0_3_4(input0_3_4) {
  state2_4 += input0_3_4.line;
}
function helper2_1_4(input2_1_4) {
  state2_4 += input2_1_4.line;
}
exports.handler4 = async (event, context) => {
  helper0_1_4(event);
  [1].forEach((item1_1_4) => {
    state1_4.unshift(event.id);
  });
  helper2_1_4(event);
  return { statusCode: 200 };
};
let state0_5;
let state1_5 = 0;
function helper1_1_5(input1_1_5) {
  helper1_2_5(input1_1_5);
}
function helper1_2_5(input1_2_5) {
  state1_5++;
}
exports.handler5 = async (event, context) => {
  [1].forEach((item0_1_5) => {
    Promise.resolve(2).then(function (item0_2_5) {
      [3].forEach((item0_3_5) => {
        state0_5 ||= new Map();
        const alias0_5 = state0_5;
        alias0_5.set(event.id, Date.now());
      });
    });
  });
  helper1_1_5(event);
  [1].forEach((item2_1_5) => {
    state1_5++;
  });
  return { statusCode: 200 };
};
let state0_6;
function helper1_1_6(input1_1_6) {
  helper1_2_6(input1_1_6);
}
function helper1_2_6(input1_2_6) {
  helper1_3_6(input1_2_6);
}
function helper1_3_6(input1_3_6) {
  state0_6 ??= new Set();
  state0_6.add(input1_3_6.id);
}
exports.handler6 = async (event, context) => {
  [1].forEach((item0_1_6) => {
    Promise.resolve(2).then(function (item0_2_6) {
      state0_6 ??= new Set();
      state0_6.add(event.id);
    });
  });
  helper1_1_6(event);
  return { statusCode: 200 };
};
console.log('unrelated0_6', 0);
let state0_7;
let state1_7 = new Map();
let state2_7;
function helper0_1_7(input0_1_7) {
  state1_7.set(input0_1_7.id, Date.now());
}
function helper1_1_7(input1_1_7) {
  helper1_2_7(input1_1_7);
}
function helper1_2_7(input1_2_7) {
  helper1_3_7(input1_2_7);
}
function helper1_3_7(input1_3_7) {
  state1_7.set(input1_3_7.id, Date.now());
}
exports.handler7 = async (event, context) => {
  helper0_1_7(event);
  helper1_1_7(event);
  state0_7 ||= [];
  const alias2_7 = state0_7;
  alias2_7.unshift(event.id);
  state0_7 ||= [];
  const alias3_7 = state0_7;
  alias3_7.unshift(event.id);
  return { statusCode: 200 };
};
function unrelated0_7(value) {
  return value + 1;
}
let state0_8 = 0;
function helper2_1_8(input2_1_8) {
  helper2_2_8(input2_1_8);
}
function helper2_2_8(input2_2_8) {
  helper2_3_8(input2_2_8);
}
function helper2_3_8(input2_3_8) {
  state0_8 += 1;
}
exports.handler8 = async (event, context) => {
  state0_8 += 1;
  [1].forEach((item1_1_8) => {
    state0_8++;
  });
  helper2_1_8(event);
  state0_8++;
  return { statusCode: 200 };
};
const unrelated0_8 = [1, 2, 3].map((n) => n * 2);
let state0_9 = {};
exports.handler9 = async (event, context) => {
  [1].forEach((item0_1_9) => {
    Promise.resolve(2).then(function (item0_2_9) {
      const alias0_9 = state0_9;
      delete alias0_9[event.id];
    });
  });
  [1].forEach((item1_1_9) => {
    Promise.resolve(2).then(function (item1_2_9) {
      [3].forEach((item1_3_9) => {
        state0_9.last = event.body;
      });
    });
  });
  const alias2_9 = state0_9;
  alias2_9.last = event.body;
  [1].forEach((item3_1_9) => {
    Object.assign(state0_9, event.overrides);
  });
  return { statusCode: 200 };
};
const unrelated0_9 = [1, 2, 3].map((n) => n * 2);
let state0_10 = 0;
exports.handler10 = async (event, context) => {
  [1].forEach((item0_1_10) => {
    state0_10++;
  });
  state0_10 += 1;
  state0_10++;
  return { statusCode: 200 };
};
const unrelated0_10 = [1, 2, 3].map((n) => n * 2);
let state0_11 = {};
let state1_11 = 0;
exports.handler11 = async (event, context) => {
  const alias0_11 = state0_11;
  alias0_11.last = event.body;
  state1_11 += 1;
  [1].forEach((item2_1_11) => {
    Promise.resolve(2).then(function (item2_2_11) {
      state1_11 += 1;
    });
  });
  [1].forEach((item3_1_11) => {
    Promise.resolve(2).then(function (item3_2_11) {
      [3].forEach((item3_3_11) => {
        state1_11++;
      });
    });
  });
  return { statusCode: 200 };
};
let state0_12 = 0;
let state1_12 = {};
let state2_12;
function helper0_1_12(input0_1_12) {
  helper0_2_12(input0_1_12);
}
function helper0_2_12(input0_2_12) {
  helper0_3_12(input0_2_12);
}
function helper0_3_12(input0_3_12) {
  state2_12 ||= [];
  const alias0_12 = state2_12;
  alias0_12.unshift(input0_3_12.id);
}
exports.handler12 = async (event, context) => {
  helper0_1_12(event);
  state2_12 ||= [];
  state2_12 = [...state2_12, event.id];
  state2_12 ||= [];
  state2_12 = [...state2_12, event.id];
  return { statusCode: 200 };
};
let state0_13 = new Map();
function helper1_1_13(input1_1_13) {
  state0_13.set(input1_1_13.id, Date.now());
}
exports.handler13 = async (event, context) => {
  [1].forEach((item0_1_13) => {
    Promise.resolve(2).then(function (item0_2_13) {
      const alias0_13 = state0_13;
      alias0_13.set(event.id, Date.now());
    });
  });
  helper1_1_13(event);
  [1].forEach((item2_1_13) => {
    state0_13.set(event.id, Date.now());
  });
  [1].forEach((item3_1_13) => {
    Promise.resolve(2).then(function (item3_2_13) {
      [3].forEach((item3_3_13) => {
        state0_13.set(event.id, Date.now());
      });
    });
  });
  return { statusCode: 200 };
};
let state0_14 = new Set();
exports.handler14 = async (event, context) => {
  [1].forEach((item0_1_14) => {
    Promise.resolve(2).then(function (item0_2_14) {
      [3].forEach((item0_3_14) => {
        state0_14.add(event.id);
      });
    });
  });
  state0_14.add(event.id);
  [1].forEach((item2_1_14) => {
    Promise.resolve(2).then(function (item2_2_14) {
      [3].forEach((item2_3_14) => {
        state0_14.add(event.id);
      });
    });
  });
  console.log(typeof state0_14);
  return { statusCode: 200 };
};
function unrelated0_14(value) {
  return value + 1;
}
let state0_15 = new Set();
let state1_15 = '';
exports.handler15 = async (event, context) => {
  [1].forEach((item0_1_15) => {
    Promise.resolve(2).then(function (item0_2_15) {
      [3].forEach((item0_3_15) => {
        state0_15.add(event.id);
      });
    });
  });
  return { statusCode: 200 };
};
let state0_16 = {};
let state1_16 = new Map();
exports.handler16 = async (event, context) => {
  state0_16.last = event.body;
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      state1_16.set(event.id, Date.now());
    });
  });
  return { statusCode: 200 };
};
const unrelated0_16 = [1, 2, 3].map((n) => n * 2);
const unrelated1_16 = new Map();
unrelated1_16.set('key', 1);
let state0_17 = '';
function helper0_1_17(input0_1_17) {
  helper0_2_17(input0_1_17);
}
function helper0_2_17(input0_2_17) {
  helper0_3_17(input0_2_17);
}
function helper0_3_17(input0_3_17) {
  state0_17 += input0_3_17.line;
}
exports.handler17 = async (event, context) => {
  helper0_1_17(event);
  console.log(typeof state0_17);
  return { statusCode: 200 };
};
const unrelated0_17 = new Map();
unrelated0_17.set('key', 0);
let state0_18 = '';
function helper0_1_18(input0_1_18) {
  helper0_2_18(input0_1_18);
}
function helper0_2_18(input0_2_18) {
  state0_18 += input0_2_18.line;
}
function helper1_1_18(input1_1_18) {
  helper1_2_18(input1_1_18);
}
function helper1_2_18(input1_2_18) {
  state0_18 += input1_2_18.line;
}
exports.handler18 = async (event, context) => {
  helper0_1_18(event);
  helper1_1_18(event);
  return { statusCode: 200 };
};
const unrelated0_18 = new Map();
unrelated0_18.set('key', 0);
let state0_19;
let state1_19;
function helper2_1_19(input2_1_19) {
  helper2_2_19(input2_1_19);
}
function helper2_2_19(input2_2_19) {
  if (!state1_19) state1_19 = new Set();
  state1_19.add(input2_2_19.id);
}
exports.handler19 = async (event, context) => {
  if (!state1_19) state1_19 = new Set();
  state1_19.add(event.id);
  if (!state1_19) state1_19 = new Set();
  state1_19.add(event.id);
  helper2_1_19(event);
  state0_19 ||= {};
  state0_19.last = event.body;
  console.log(typeof state0_19);
  return { statusCode: 200 };
};
const unrelated1_19 = [1, 2, 3].map((n) => n * 2);
