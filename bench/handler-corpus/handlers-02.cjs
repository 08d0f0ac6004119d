let state0_0 = '';
let state1_0 = {};
let state2_0 = 0;
exports.handler0 = async (event, context) => {
  const alias0_0 = state1_0;
  alias0_0.last = event.body;
  [1].forEach((item1_1_0) => {
    Promise.resolve(2).then(function (item1_2_0) {
      [3].forEach((item1_3_0) => {
        state0_0 += event.line;
      });
    });
  });
  [1].forEach((item2_1_0) => {
    state1_0[event.id] = true;
  });
  console.log(typeof state0_0);
  console.log(typeof state1_0);
  return { statusCode: 200 };
};
let state0_1 = new Map();
let state1_1;
exports.handler1 = async (event, context) => {
  state0_1.set(event.id, Date.now());
  state0_1.set(event.id, Date.now());
  return { statusCode: 200 };
};
function unrelated0_1(value) {
  return value + 1;
}
function unrelated1_1(value) {
  return value + 1;
}
let state0_2;
exports.handler2 = async (event, context) => {
  [1].forEach((item0_1_2) => {
    Promise.resolve(2).then(function (item0_2_2) {
      [3].forEach((item0_3_2) => {
        if (!state0_2) state0_2 = new Map();
        state0_2.set(event.id, Date.now());
      });
    });
  });
  [1].forEach((item1_1_2) => {
    Promise.resolve(2).then(function (item1_2_2) {
      [3].forEach((item1_3_2) => {
        if (!state0_2) state0_2 = new Map();
        state0_2.set(event.id, Date.now());
      });
    });
  });
  if (!state0_2) state0_2 = new Map();
  const alias2_2 = state0_2;
  alias2_2.set(event.id, Date.now());
  console.log(typeof state0_2);
  return { statusCode: 200 };
};
console.log('unrelated1_2', 1);
let state0_3;
let state1_3 = new Set();
let state2_3;
function helper0_1_3(input0_1_3) {
  helper0_2_3(input0_1_3);
}
function helper0_2_3(input0_2_3) {
  helper0_3_3(input0_2_3);
}
function helper0_3_3(input0_3_3) {
  state2_3 ??= [];
  state2_3 = [...state2_3, input0_3_3.id];
}
exports.handler3 = async (event, context) => {
  helper0_1_3(event);
  state0_3 ||= new Set();
  state0_3.add(event.id);
  state0_3 ||= new Set();
  state0_3.add(event.id);
  return { statusCode: 200 };
};
function unrelated0_3(value) {
  return value + 1;
}
const unrelated1_3 = new Map();
unrelated1_3.set('key', 1);
let state0_4 = new Set();
let state1_4;
let state2_4 = [];
exports.handler4 = async (event, context) => {
  [1].forEach((item0_1_4) => {
    Promise.resolve(2).then(function (item0_2_4) {
      state0_4.add(event.id);
    });
  });
  if (!state1_4) state1_4 = {};
  state1_4.last = event.body;
  return { statusCode: 200 };
};
console.log('unrelated0_4', 0);
let state0_5 = '';
let state1_5 = {};
let state2_5 = '';
exports.handler5 = async (event, context) => {
  Object.assign(state1_5, event.overrides);
  return { statusCode: 200 };
};
const unrelated0_5 = new Map();
unrelated0_5.set('key', 0);
let state0_6;
let state1_6 = new Map();
exports.handler6 = async (event, context) => {
  state0_6 ??= {};
  state0_6.last = event.body;
  return { statusCode: 200 };
};
let state0_7;
function helper2_1_7(input2_1_7) {
  helper2_2_7(input2_1_7);
}
function helper2_2_7(input2_2_7) {
  state0_7 ||= new Map();
  state0_7.set(input2_2_7.id, Date.now());
}
exports.handler7 = async (event, context) => {
  state0_7 ||= new Map();
  state0_7.set(event.id, Date.now());
  [1].forEach((item1_1_7) => {
    Promise.resolve(2).then(function (item1_2_7) {
      [3].forEach((item1_3_7) => {
        state0_7 ||= new Map();
        const alias1_7 = state0_7;
        alias1_7.set(event.id, Date.now());
      });
    });
  });
  helper2_1_7(event);
  state0_7 ||= new Map();
  state0_7.set(event.id, Date.now());
  return { statusCode: 200 };
};
let state0_8 = '';
let state1_8 = '';
function helper0_1_8(input0_1_8) {
  state0_8 += input0_1_8.line;
}
exports.handler8 = async (event, context) => {
  helper0_1_8(event);
  state1_8 += event.line;
  [1].forEach((item2_1_8) => {
    Promise.resolve(2).then(function (item2_2_8) {
      state1_8 += event.line;
    });
  });
  return { statusCode: 200 };
};
let state0_9 = {};
let state1_9;
exports.handler9 = async (event, context) => {
  if (!state1_9) state1_9 = new Set();
  state1_9.add(event.id);
  return { statusCode: 200 };
};
const unrelated0_9 = new Map();
unrelated0_9.set('key', 0);
let state0_10 = '';
let state1_10 = 0;
exports.handler10 = async (event, context) => {
  [1].forEach((item0_1_10) => {
    Promise.resolve(2).then(function (item0_2_10) {
      [3].forEach((item0_3_10) => {
        state1_10++;
      });
    });
  });
  [1].forEach((item1_1_10) => {
    Promise.resolve(2).then(function (item1_2_10) {
      [3].forEach((item1_3_10) => {
        state0_10 += event.line;
      });
    });
  });
  [1].forEach((item2_1_10) => {
    Promise.resolve(2).then(function (item2_2_10) {
      state0_10 += event.line;
    });
  });
  return { statusCode: 200 };
};
let state0_11 = [];
let state1_11;
let state2_11 = new Map();
function helper0_1_11(input0_1_11) {
  helper0_2_11(input0_1_11);
}
function helper0_2_11(input0_2_11) {
  helper0_3_11(input0_2_11);
}
function helper0_3_11(input0_3_11) {
  state0_11.push(input0_3_11.id);
}
exports.handler11 = async (event, context) => {
  helper0_1_11(event);
  console.log(typeof state1_11);
  return { statusCode: 200 };
};
const unrelated0_11 = new Map();
unrelated0_11.set('key', 0);
let state0_12 = new Set();
let state1_12 = [];
function helper0_1_12(input0_1_12) {
  helper0_2_12(input0_1_12);
}
function helper0_2_12(input0_2_12) {
  state0_12.add(input0_2_12.id);
}
function helper3_1_12(input3_1_12) {
  state1_12.unshift(input3_1_12.id);
}
exports.handler12 = async (event, context) => {
  helper0_1_12(event);
  [1].forEach((item1_1_12) => {
    state0_12.add(event.id);
  });
  [1].forEach((item2_1_12) => {
    Promise.resolve(2).then(function (item2_2_12) {
      [3].forEach((item2_3_12) => {
        state0_12.add(event.id);
      });
    });
  });
  helper3_1_12(event);
  return { statusCode: 200 };
};
const unrelated0_12 = [1, 2, 3].map((n) => n * 2);
function unrelated1_12(value) {
  return value + 1;
}
let state0_13 = '';
let state1_13;
function helper0_1_13(input0_1_13) {
  helper0_2_13(input0_1_13);
}
function helper0_2_13(input0_2_13) {
  state0_13 += input0_2_13.line;
}
exports.handler13 = async (event, context) => {
  helper0_1_13(event);
  [1].forEach((item1_1_13) => {
    if (!state1_13) state1_13 = [];
    state1_13.unshift(event.id);
  });
  return { statusCode: 200 };
};
function unrelated0_13(value) {
  return value + 1;
}
let state0_14 = '';
function helper0_1_14(input0_1_14) {
  helper0_2_14(input0_1_14);
}
function helper0_2_14(input0_2_14) {
  helper0_3_14(input0_2_14);
}
function helper0_3_14(input0_3_14) {
  state0_14 += input0_3_14.line;
}
function helper1_1_14(input1_1_14) {
  helper1_2_14(input1_1_14);
}
function helper1_2_14(input1_2_14) {
  state0_14 += input1_2_14.line;
}
function helper2_1_14(input2_1_14) {
  state0_14 += input2_1_14.line;
}
exports.handler14 = async (event, context) => {
  helper0_1_14(event);
  helper1_1_14(event);
  helper2_1_14(event);
  return { statusCode: 200 };
};
let state0_15 = new Map();
exports.handler15 = async (event, context) => {
  const alias0_15 = state0_15;
  alias0_15.set(event.id, Date.now());
  return { statusCode: 200 };
};
const unrelated0_15 = new Map();
unrelated0_15.set('key', 0);
let state0_16;
function helper0_1_16(input0_1_16) {
  state0_16 ||= {};
  state0_16.last = input0_1_16.body;
}
exports.handler16 = async (event, context) => {
  helper0_1_16(event);
  [1].forEach((item1_1_16) => {
    Promise.resolve(2).then(function (item1_2_16) {
      [3].forEach((item1_3_16) => {
        state0_16 ||= {};
        state0_16.last = event.body;
      });
    });
  });
  state0_16 ||= {};
  state0_16.last = event.body;
  return { statusCode: 200 };
};
console.log('unrelated0_16', 0);
console.log('unrelated1_16', 1);
let state0_17 = '';
let state1_17;
function helper0_1_17(input0_1_17) {
  helper0_2_17(input0_1_17);
}
function helper0_2_17(input0_2_17) {
  state1_17 ||= {};
  state1_17[input0_2_17.id] = true;
}
exports.handler17 = async (event, context) => {
  helper0_1_17(event);
  return { statusCode: 200 };
};
const unrelated0_17 = new Map();
unrelated0_17.set('key', 0);
let state0_18;
let state1_18 = 0;
function helper2_1_18(input2_1_18) {
  helper2_2_18(input2_1_18);
}
function helper2_2_18(input2_2_18) {
  state1_18++;
}
exports.handler18 = async (event, context) => {
  [1].forEach((item0_1_18) => {
    if (!state0_18) state0_18 = [];
    state0_18.unshift(event.id);
  });
  state1_18 += 1;
  helper2_1_18(event);
  return { statusCode: 200 };
};
let state0_19 = new Map();
exports.handler19 = async (event, context) => {
  state0_19.set(event.id, Date.now());
  [1].forEach((item1_1_19) => {
    Promise.resolve(2).then(function (item1_2_19) {
      [3].forEach((item1_3_19) => {
        const alias1_19 = state0_19;
        alias1_19.set(event.id, Date.now());
      });
    });
  });
  state0_19.set(event.id, Date.now());
  return { statusCode: 200 };
};
console.log('unrelated0_19', 0);
const unrelated1_19 = [1, 2, 3].map((n) => n * 2);
let state0_20 = '';
let state1_20;
function helper1_1_20(input1_1_20) {
  helper1_2_20(input1_1_20);
}
function helper1_2_20(input1_2_20) {
  state0_20 += input1_2_20.line;
}
exports.handler20 = async (event, context) => {
  state0_20 += event.line;
  helper1_1_20(event);
  console.log(typeof state0_20);
  return { statusCode: 200 };
};
function unrelated1_20(value) {
  return value + 1;
}
let state0_21;
function helper0_1_21(input0_1_21) {
  helper0_2_21(input0_1_21);
}
function helper0_2_21(input0_2_21) {
  state0_21 ||= new Set();
  state0_21.add(input0_2_21.id);
}
function helper3_1_21(input3_1_21) {
  state0_21 ||= new Set();
  state0_21.add(input3_1_21.id);
}
exports.handler21 = async (event, context) => {
  helper0_1_21(event);
  state0_21 ||= new Set();
  state0_21.add(event.id);
  state0_21 ||= new Set();
  state0_21.add(event.id);
  helper3_1_21(event);
  return { statusCode: 200 };
};
let state0_22 = [];
exports.handler22 = async (event, context) => {
  state0_22 = [...state0_22, event.id];
  return { statusCode: 200 };
};
